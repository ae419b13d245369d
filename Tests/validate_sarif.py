#!/usr/bin/env python3
"""Validates a SARIF log against the SARIF 2.1.0 JSON Schema.

Usage: validate_sarif.py SCHEMA LOG
Prints the number of schema errors (0 when valid) and the errors on standard error.
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
validator = jsonschema.Draft7Validator(schema) if "draft-07" in schema.get("$schema", "") else jsonschema.validators.validator_for(schema)(schema)
errors = list(validator.iter_errors(log))
for error in errors:
    print(f"{list(error.path)}: {error.message}", file=sys.stderr)
print(len(errors))

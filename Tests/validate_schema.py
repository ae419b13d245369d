#!/usr/bin/env python3
"""Validates YAML plans against the trackplan JSON Schema.

Usage: validate_schema.py SCHEMA FILE...
Prints one line per file: the path, a tab, and the number of schema errors. Used by
Tests/TrackplanKitTests/SchemaTests.swift to cross-check the schema with a real validator.
"""
import json
import sys

import jsonschema
import yaml

schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
for path in sys.argv[2:]:
    with open(path) as f:
        document = yaml.safe_load(f)
    errors = list(validator.iter_errors(document))
    for error in errors:
        print(f"# {path}: {error.message}", file=sys.stderr)
    print(f"{path}\t{len(errors)}")

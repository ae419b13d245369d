#!/usr/bin/env python3
"""Runs a `trackplan analyze --sql bigquery` query on DuckDB over GA4 export NDJSON files.

Usage: bigquery_check.py QUERY.sql TABLE EXPORT.ndjson [EXPORT.ndjson ...]
The query's `TABLE` (as given to --table) becomes a DuckDB view over the files, with
`_TABLE_SUFFIX` = event_date as in BigQuery's daily tables; the BigQuery SQL is translated with
sqlglot (read bigquery, write duckdb). Prints the result rows as JSON objects, one per line.
Needs: pip install sqlglot duckdb
"""
import json, math, sys
import duckdb, sqlglot

query_file, table, files = sys.argv[1], sys.argv[2], sys.argv[3:]
bigquery = open(query_file, encoding="utf-8").read().replace(f"`{table}`", "ga4_export")
duck = sqlglot.transpile(bigquery, read="bigquery", write="duckdb")[0]
con = duckdb.connect()
paths = "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"
con.execute(f"CREATE VIEW ga4_export AS SELECT *, event_date AS _TABLE_SUFFIX FROM read_json({paths}, format='newline_delimited')")
cursor = con.execute(duck)
columns = [d[0] for d in cursor.description]
for row in cursor.fetchall():
    record = {}
    for name, value in zip(columns, row):
        if isinstance(value, float) and math.isinf(value):
            value = "Infinity"
        record[name] = value
    print(json.dumps(record))

#!/usr/bin/env python3
"""Drafts a migration: the statements of `schema script` that create the named tables and their
indexes. Usage: tools/migration-draft.py <provider: sqlite|postgres> <table> [<table> ...]
Review the output before committing it as the next NNNN_name.sql; the schema tests check it."""
import re, subprocess, sys

provider, tables = sys.argv[1], set(sys.argv[2:])
args = ["dotnet", "src/Tongban.Web/bin/Debug/net10.0/Tongban.Web.dll", "schema", "script", "--Tongban:DataDirectory=/tmp/tongban-schema"]
if provider == "postgres":
    args += ["--Tongban:Database:Provider=Postgres", "--ConnectionStrings:Tongban=Host=localhost"]
script = subprocess.run(args, capture_output=True, text=True, check=True).stdout
for statement in script.split(";"):
    text = statement.strip()
    match = re.match(r'CREATE (?:UNIQUE )?(?:TABLE|INDEX) "?(\w+)"?(?: ON "?(\w+)"?)?', text)
    if not match:
        continue
    table = match.group(2) or match.group(1)
    if table in tables:
        print(text + ";\n")

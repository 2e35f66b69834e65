#!/usr/bin/env python3
"""Compares the hand-checked sample of one corpus repository with a fresh audit.

Usage: lib-corpus-compare.py SAMPLE.md AUDIT.json

SAMPLE.md is Tests/Corpus/<repo>-verdicts.md: a Markdown table with the columns
# | file | line | kind | claim | phasecert | by hand | right | reason. A row names a claim by
file (or `commit:<id>`), line, kind and text; AUDIT.json is `phasecert audit --all --json`.
Prints one line per row whose claim is gone or whose verdict changed, and a summary; exits 1
when there is any, 0 otherwise.
"""
import json
import re
import sys


def cells(line):
    parts = re.split(r"(?<!\\)\|", line.strip())
    return [part.strip().replace("\\|", "|") for part in parts[1:-1]]


def normalized(text):
    return " ".join(str(text).split())


def key(file, line, kind, text):
    return (file, int(line), kind, normalized(text))


def claim_key(claim):
    source = claim["source"]
    if source.get("file") is not None:
        file, line = source["file"], source.get("line") or 0
    else:
        file, line = "commit:" + source.get("commit", "")[:12], 0
    return key(file, line, claim["kind"], claim["text"])


def main():
    sample_path, audit_path = sys.argv[1], sys.argv[2]
    with open(audit_path, encoding="utf-8") as handle:
        claims = json.load(handle)["claims"]
    verdicts = {}
    for claim in claims:
        verdicts.setdefault(claim_key(claim), []).append(claim.get("verdict") or "not judged")
    rows = []
    with open(sample_path, encoding="utf-8") as handle:
        for line in handle:
            row = cells(line) if line.startswith("|") else []
            if len(row) >= 9 and row[0].isdigit():
                rows.append(row)
    if not rows:
        print(f"{sample_path}: no sample rows", file=sys.stderr)
        return 1
    changed = 0
    for number, file, line, kind, text, recorded, *_ in rows:
        found = verdicts.get(key(file, line, kind, text))
        if found is None:
            print(f"{sample_path}: row {number}: {file}:{line} {kind} “{text}” is no longer a claim (was {recorded})")
            changed += 1
        elif recorded not in found:
            print(f"{sample_path}: row {number}: {file}:{line} {kind} “{text}” is now {', '.join(sorted(set(found)))} (was {recorded})")
            changed += 1
    print(f"{sample_path}: {len(rows) - changed} of {len(rows)} hand-checked verdicts unchanged")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())

"""usage: peers.py CASES.json SECONDS -> JSON object: inputs/s of each peer on the cases.

CASES.json is what `validator-bench export` writes: the JSON-Schema-Test-Suite groups Taskforge
reads, each a schema and its values. Each validator is built once per schema, outside the timing,
with format checking on, and then run over every value of every group, as validator-bench runs
Taskforge's: jsonschema listing every error (iter_errors), jsonschema-rs answering is_valid and
listing every error. The best of three runs of SECONDS / 3 each.
"""
import json
import sys
import time
from importlib.metadata import version

import jsonschema
import jsonschema_rs


def rate(checks, seconds):
    cases = sum(len(values) for _, values in checks)
    best = 0.0
    for _ in range(3):
        rounds = 0
        start = time.perf_counter()
        while True:
            for check, values in checks:
                for value in values:
                    check(value)
            rounds += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds / 3:
                break
        best = max(best, rounds * cases / elapsed)
    return best


def runs(group):
    """Whether both peers check every value of the group without raising (Python's re has no \\p{...})."""
    try:
        python = jsonschema.Draft202012Validator(
            group["schema"], format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        rust = jsonschema_rs.validator_for(group["schema"], validate_formats=True)
        for value in group["values"]:
            list(python.iter_errors(value))
            list(rust.iter_errors(value))
        return True
    except Exception:
        return False


def main():
    every = json.load(open(sys.argv[1]))
    seconds = float(sys.argv[2])
    groups = [g for g in every if runs(g)]
    dropped = sum(len(g["values"]) for g in every) - sum(len(g["values"]) for g in groups)
    print(f"peers: left out {dropped} cases that raise in jsonschema or jsonschema-rs", file=sys.stderr)
    python = [
        (jsonschema.Draft202012Validator(g["schema"], format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER),
         g["values"]) for g in groups
    ]
    rust = [(jsonschema_rs.validator_for(g["schema"], validate_formats=True), g["values"]) for g in groups]
    print(json.dumps({
        f"python jsonschema {version('jsonschema')} iter_errors": rate(
            [(lambda x, v=v: list(v.iter_errors(x)), values) for v, values in python], seconds),
        f"jsonschema-rs {version('jsonschema-rs')} is_valid": rate(
            [(v.is_valid, values) for v, values in rust], seconds),
        f"jsonschema-rs {version('jsonschema-rs')} iter_errors": rate(
            [(lambda x, v=v: list(v.iter_errors(x)), values) for v, values in rust], seconds),
    }))


main()

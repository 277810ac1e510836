"""Runs the oracle scripts of this directory in one interpreter, one request at a time.

Importing pandas, scikit-learn and DuckDB costs a second or more of CPU; a test run asks the
oracles dozens of times, so it starts this once and sends it every request. Each script still runs
as if from the command line: as __main__, with its own sys.argv, its output captured.

Requests on standard input, one JSON object per line: {"script": "metrics.py", "args": [...]}.
Answers on standard output, one per request: {"status": 0, "stdout": "...", "stderr": "..."}.
"""
import contextlib, io, json, os, runpy, sys, traceback

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
# The slow imports, once (a missing library fails here, with its name, before the first answer).
import duckdb, numpy, pandas, sklearn.ensemble, sklearn.preprocessing  # noqa: E401,F401

answers = sys.stdout
for line in sys.stdin:
    request = json.loads(line)
    out, err = io.StringIO(), io.StringIO()
    status = 0
    sys.argv = [os.path.join(here, request["script"])] + request["args"]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            runpy.run_path(sys.argv[0], run_name="__main__")
        except SystemExit as exit:
            if isinstance(exit.code, int):
                status = exit.code
            elif exit.code is not None:
                print(exit.code, file=sys.stderr)
                status = 1
        except BaseException:
            traceback.print_exc()
            status = 1
    answers.write(json.dumps({"status": status, "stdout": out.getvalue(), "stderr": err.getvalue()}) + "\n")
    answers.flush()

"""The reference side of the datasets benchmark: pandas or DuckDB on the same CSV, one per process.

usage: bench_python.py pandas|duckdb PATH -> JSON: seconds and this process's peak RSS.
pandas: read_csv + describe(percentiles=[.05, .25, .5, .75, .95]); DuckDB: SUMMARIZE (all threads).
"""
import json, resource, sys, time

mode, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if mode == "pandas":
    import pandas as pd
    pd.read_csv(path).describe(percentiles=[0.05, 0.25, 0.5, 0.75, 0.95], include="all")
else:
    import duckdb
    duckdb.sql(f"SUMMARIZE SELECT * FROM read_csv('{path}')").fetchall()
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))

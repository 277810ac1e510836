"""The metrics of a dataset by pandas, numpy and DuckDB: the oracle of MetricsTests.

usage: metrics.py PATH -> JSON on stdout.
"""
import json, sys
import duckdb, numpy as np, pandas as pd
from load import exact, load, numeric_columns

path = sys.argv[1]
df = load(path)
num = numeric_columns(df)
out = {"rows": len(df), "columns": len(df.columns), "missing_cells": int(df.isna().sum().sum()),
       "duplicate_rows": int(df.astype(str).duplicated().sum()), "numeric": {}, "text": {}}
f = lambda x: None if x is None or (isinstance(x, float) and np.isnan(x)) else float(x)
for c in num:
    s = df[c].astype("float64")
    v = s.dropna()
    q = s.quantile([0.05, 0.25, 0.5, 0.75, 0.95]).tolist()
    counts, edges = np.histogram(v.to_numpy(), bins=50)
    out["numeric"][c] = {
        "count": int(s.count()), "missing": int(s.isna().sum()), "distinct": int(s.nunique()),
        "zeros": int((v == 0).sum()), "negatives": int((v < 0).sum()),
        "mean": f(s.mean()), "std": f(s.std()), "var": f(s.var()), "min": f(s.min()), "max": f(s.max()),
        "sum": f(s.sum()), "skew": f(s.skew()), "kurt": f(s.kurt()), "quantiles": q,
        "histogram": counts.tolist(), "edges": edges.tolist(),
    }
for c in df.columns:
    if c in num:
        continue
    s = df[c].astype("string")
    v = s.dropna()
    vc = v.value_counts()
    lengths = v.str.len()
    out["text"][c] = {
        "count": int(s.count()), "missing": int(s.isna().sum()), "distinct": int(v.nunique()),
        "top": [[str(k), int(n)] for k, n in vc.head(10).items()], "counts": {str(k): int(n) for k, n in vc.items()},
        "min_length": int(lengths.min()), "max_length": int(lengths.max()), "mean_length": float(lengths.mean()),
    }
# DuckDB, independently, on the same columns: count, mean, sample std and exact linear quantiles.
if not path.endswith(".jsonl"):
    con = duckdb.connect()
    rel = f"read_csv('{path}', header=true, all_varchar=true)"
    for c in num:
        row = con.sql(f"""SELECT count(TRY_CAST("{c}" AS DOUBLE)), avg(TRY_CAST("{c}" AS DOUBLE)),
            stddev_samp(TRY_CAST("{c}" AS DOUBLE)),
            quantile_cont(TRY_CAST("{c}" AS DOUBLE), [0.05, 0.25, 0.5, 0.75, 0.95]) FROM {rel}""").fetchall()[0]
        out["numeric"][c]["duckdb"] = {"count": row[0], "mean": row[1], "std": row[2], "quantiles": list(row[3])}
print(json.dumps(exact(out)))

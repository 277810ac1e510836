"""Anomaly flags by pandas/numpy (z-score, IQR, MAD) and scikit-learn's IsolationForest scores.

usage: anomalies.py PATH SEED COLUMN... -> JSON: per method the flagged 0-based rows (union over the
columns) and counts per column; sklearn's score_samples (negated: higher is more anomalous) per row.
"""
import json, sys
import numpy as np
from sklearn.ensemble import IsolationForest
from load import exact, load

path, seed, *cols = sys.argv[1:]
df = load(path)
X = df[cols].astype("float64")
out = {}

def record(name, masks):
    rows = set()
    counts = {}
    for c, m in masks.items():
        idx = np.flatnonzero(m.to_numpy())
        counts[c] = int(idx.size)
        rows.update(int(i) for i in idx)
    out[name] = {"rows": sorted(rows), "counts": counts}

z = {}
for c in cols:
    s = X[c]
    std = s.std(ddof=0)
    z[c] = ((s - s.mean()).abs() / std > 3) if std > 0 else s.isna() & False
record("zscore", z)
iqr = {}
for c in cols:
    s = X[c]
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    r = q3 - q1
    iqr[c] = (s < q1 - 1.5 * r) | (s > q3 + 1.5 * r)
record("iqr", iqr)
mad = {}
for c in cols:
    s = X[c]
    v = s.dropna().to_numpy()
    med = np.median(v)
    m = np.median(np.abs(v - med))
    if m > 0:
        mad[c] = (0.6745 * (s - med)).abs() / m > 3.5
    else:
        mean_ad = np.mean(np.abs(v - med))
        mad[c] = ((s - med).abs() / (1.253314 * mean_ad) > 3.5) if mean_ad > 0 else s.isna() & False
record("mad", mad)
filled = X.fillna(X.mean())
forest = IsolationForest(n_estimators=100, max_samples=256, random_state=int(seed)).fit(filled.to_numpy())
out["isolation_forest_scores"] = (-forest.score_samples(filled.to_numpy())).tolist()
print(json.dumps(exact(out)))

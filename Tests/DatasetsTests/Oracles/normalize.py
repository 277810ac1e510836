"""scikit-learn's scalers on a test dataset, checked against the engine's output file.

usage: normalize.py INPUT OUTPUT METHOD LO HI COLUMN...  -> JSON: the fitted parameters by sklearn, the
largest relative difference between sklearn's transform and OUTPUT's values, missing values that moved,
and fields of the other columns that changed (compared as text with Python's csv / json modules).
"""
import csv, json, sys
import numpy as np, pandas as pd
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler
from load import exact, load

src, out, method, lo, hi, *cols = sys.argv[1:]
df = load(src)
X = df[cols].astype("float64").to_numpy()
scaler = {"zscore": StandardScaler(), "minmax": MinMaxScaler(feature_range=(float(lo), float(hi))),
          "robust": RobustScaler()}[method]
expected = scaler.fit_transform(X)
got = load(out)[cols].astype("float64").to_numpy()
nan_moved = int((np.isnan(expected) != np.isnan(got)).sum())
mask = ~np.isnan(expected) & ~np.isnan(got)
diff = np.abs(expected[mask] - got[mask]) / np.maximum(np.maximum(np.abs(expected[mask]), np.abs(got[mask])), 1e-12)
params = {"zscore": lambda s: {"center": s.mean_.tolist(), "scale": s.scale_.tolist()},
          "minmax": lambda s: {"scale": s.scale_.tolist(), "offset": s.min_.tolist()},
          "robust": lambda s: {"center": s.center_.tolist(), "scale": s.scale_.tolist()}}[method](scaler)

def rows(path):
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            return [json.loads(l) for l in f if l.strip()]
    with open(path, newline="", encoding="utf-8-sig") as f:
        r = csv.reader(f)
        header = next(r)
        return [dict(zip(header, row)) for row in r if row]

changed = 0
a, b = rows(src), rows(out)
for x, y in zip(a, b):
    for k in x:
        if k not in cols and x.get(k) != y.get(k):
            changed += 1
changed += abs(len(a) - len(b))
print(json.dumps(exact({"params": params, "max_relative_difference": float(diff.max()) if diff.size else 0.0,
                        "missing_moved": nan_moved, "passthrough_changed": changed})))

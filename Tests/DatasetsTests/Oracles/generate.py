"""Seeded test datasets: numeric columns with missing values, a constant, a skewed and a zero-heavy one,
planted outliers, text with quoted commas, quotes and newlines, booleans and dates.

usage: generate.py PATH ROWS SEED  (PATH ending in .csv, .csv.gz or .jsonl)
Writes PATH and PATH.outliers.json (0-based data row indices of the planted outliers).
"""
import csv, gzip, json, math, random, sys

path, rows, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
outliers = sorted(rng.sample(range(rows), max(3, rows // 200)))
planted = set(outliers)
cats = ["red", "green", "blue", "cyan", "magenta", "yellow", "black"]
records = []
for i in range(rows):
    gauss = rng.gauss(10, 2)
    other = rng.gauss(-3, 0.5)
    if i in planted:
        gauss += rng.choice([-1, 1]) * rng.uniform(20, 40)
        other += rng.choice([-1, 1]) * rng.uniform(8, 15)
    note = rng.choice(["plain", "with, comma", 'with "quotes"', "two\nlines", "crlf\r\ninside", "é日本", ""])
    records.append({
        "id": i,
        "gauss": round(gauss, 6),
        "other": round(other, 6),
        "skewed": round(rng.lognormvariate(0, 1.5), 6),
        "count": None if rng.random() < 0.1 else rng.randint(-50, 200),
        "constant": 7,
        "zeros": 0 if rng.random() < 0.7 else rng.randint(1, 5),
        "ratio": None if rng.random() < 0.05 else round(rng.uniform(-1, 1) * 10 ** rng.randint(-3, 3), 9),
        "category": None if rng.random() < 0.25 else rng.choice(cats),
        "note": None if note == "" else note,
        "flag": rng.choice(["true", "false"]),
        "day": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    })
# A few exact duplicate rows.
for k in range(3):
    records.append(dict(records[k * 7]))

if path.endswith(".jsonl"):
    with open(path, "w") as f:
        for r in records:
            f.write(json.dumps({k: (v == "true" if k == "flag" else v) for k, v in r.items()}, ensure_ascii=False) + "\n")
else:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "wt", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator=rng.choice(["\n", "\r\n"]))
        w.writerow(list(records[0].keys()))
        for r in records:
            w.writerow(["" if v is None else v for v in r.values()])
with open(path + ".outliers.json", "w") as f:
    json.dump(outliers, f)

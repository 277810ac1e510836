"""Writes a seeded CSV for the datasets benchmark: 10 numeric and 4 text columns, about SIZE_MB megabytes.

usage: generate.py PATH SIZE_MB [SEED]
Numeric columns mix integers, decimals, a skewed (lognormal) one and a few missing values; text columns
hold categories, free text with commas and quotes (quoted fields), and dates.
"""
import random, sys

path, size_mb = sys.argv[1], float(sys.argv[2])
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2
rng = random.Random(seed)
target = int(size_mb * 1_000_000)
cities = ["Paris", "Lyon", "Berlin", "Madrid", "Rome", "Oslo", "Lima", "Quito", "Accra", "Hanoi"]
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
header = [f"n{i}" for i in range(10)] + ["city", "label", "note", "day"]
written = 0
with open(path, "w", newline="") as f:
    line = ",".join(header) + "\n"
    f.write(line)
    written += len(line)
    rows = []
    while written < target:
        n = [
            str(rng.randint(0, 1000)),
            f"{rng.gauss(50, 10):.4f}",
            f"{rng.lognormvariate(0, 1):.5f}",
            str(rng.randint(-500, 500)),
            "" if rng.random() < 0.02 else f"{rng.uniform(-1, 1):.6f}",
            f"{rng.expovariate(0.1):.3f}",
            str(rng.randint(0, 1)),
            f"{rng.gauss(0, 1e6):.2f}",
            str(rng.randint(10**6, 10**7)),
            f"{rng.betavariate(2, 5):.6f}",
        ]
        note = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.2:
            note = '"' + note.replace(" ", ', "q" ', 1).replace('"q"', '""q""') + '"'
        t = [rng.choice(cities), f"L{rng.randint(0, 99999)}", note,
             f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]
        line = ",".join(n + t) + "\n"
        rows.append(line)
        written += len(line)
        if len(rows) >= 10000:
            f.write("".join(rows))
            rows = []
    f.write("".join(rows))

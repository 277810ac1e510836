"""Writes fuzzed CSV files with Python's csv module and records how the same module reads them back.

usage: csv_fuzz.py OUTDIR COUNT SEED -> OUTDIR/fuzz_N.csv and OUTDIR/fuzz_N.json (the rows, header first).
Random quoting, embedded commas/quotes/CR/LF, CRLF or LF, a BOM or none, non-ASCII text.
"""
import csv, json, random, sys

out, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
alphabet = ["a", "b", "z", " ", ",", '"', "\n", "\r\n", "\r", "é", "日本", "1", "0", ".", "-", "NA", "\t", "'"]

def field():
    if rng.random() < 0.1:
        return ""
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))

k = 0
while k < count:
    ncols = rng.randint(1, 6)
    header = [f"c{j}" for j in range(ncols)]
    rows = [[field() for _ in range(ncols)] for _ in range(rng.randint(1, 40))]
    # A single empty field on a line reads as a blank line: pandas and this reader skip those.
    rows = [r for r in rows if not (ncols == 1 and r[0] == "")] or [["x"] * ncols]
    quoting = rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC])
    terminator = rng.choice(["\n", "\r\n"])
    encoding = rng.choice(["utf-8", "utf-8-sig"])
    path = f"{out}/fuzz_{k}.csv"
    with open(path, "w", newline="", encoding=encoding) as f:
        w = csv.writer(f, quoting=quoting, lineterminator=terminator)
        w.writerow(header)
        w.writerows(rows)
    with open(path, newline="", encoding="utf-8-sig") as f:
        parsed = [r for r in csv.reader(f) if r != []]
    # The writer leaves a lone CR unquoted when the terminator is LF; Python itself then reads a
    # different table. Such files are not RFC 4180: write another.
    if parsed != [header] + rows:
        continue
    with open(f"{out}/fuzz_{k}.json", "w") as f:
        json.dump(parsed, f)
    k += 1

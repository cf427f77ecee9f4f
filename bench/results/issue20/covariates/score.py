"""Scores forecast.csv files against actual.csv: mean MASE over stores (scale: in-sample seasonal naive, m = 12) and
mean sMAPE; prints one line per file given."""
import csv, sys
from collections import defaultdict

hist = defaultdict(list)
for r in csv.DictReader(open("sales.csv")):
    hist[r["store"]].append(float(r["sales"]))
act = defaultdict(list)
for r in csv.DictReader(open("actual.csv")):
    act[r["store"]].append(float(r["sales"]))
for path in sys.argv[1:]:
    fc = defaultdict(list)
    for r in csv.DictReader(open(path)):
        fc[r["store"]].append(float(r["forecast"]))
    mases, smapes = [], []
    for s, y in hist.items():
        scale = sum(abs(y[t] - y[t - 12]) for t in range(12, len(y))) / (len(y) - 12)
        e = [abs(a - f) for a, f in zip(act[s], fc[s])]
        mases.append(sum(e) / len(e) / scale)
        smapes.append(sum(200 * abs(a - f) / (abs(a) + abs(f)) for a, f in zip(act[s], fc[s])) / len(e))
    print(f"{path}: MASE {sum(mases) / len(mases):.4f}, sMAPE {sum(smapes) / len(smapes):.2f} over {len(mases)} stores")

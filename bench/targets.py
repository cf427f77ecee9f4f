#!/usr/bin/env python3
"""Checks target 3 of the search issue from results CSVs (the PROTOCOL.md format): on every dataset, our mean score
over the folds that every framework has must be within 0.01 AUC (binary), 5 % log loss (multiclass) or 3 % RMSE
(regression) of the best peer's. Prints one row per dataset and the count that meet it.

  python3 bench/targets.py --ours automl4j RESULTS.csv... [--budget 30]

Rows of framework 'automl4j' (or --ours NAME) at --budget are ours; every other framework is a peer. Mean rank and
normalized score (targets 1, 2 and 4) come from ../shared/bench/peers/summarize.py over the same files.
"""
import argparse
import csv
from collections import defaultdict

HIGHER = {"auc": True, "logloss": False, "rmse": False}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ours", default="automl4j")
    ap.add_argument("--budget", default="30")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    scores = defaultdict(dict)   # (dataset, framework) -> fold -> score
    metric = {}
    for path in a.files:
        with open(path, newline="") as f:
            for r in csv.DictReader(f):
                fw = r["framework"]
                if fw == a.ours and float(r["budget_seconds"]) != float(a.budget):
                    continue
                if fw != a.ours and float(r["budget_seconds"]) != 30.0:
                    continue
                metric[r["dataset"]] = r["metric"]
                if r["status"] == "ok" and r["score"] not in ("", "nan"):
                    scores[(r["dataset"], fw)][r["fold"]] = float(r["score"])
                else:
                    scores[(r["dataset"], fw)].setdefault(r["fold"], None)
    frameworks = sorted({fw for _, fw in scores})
    met = 0
    total = 0
    print(f"| dataset | metric | folds | ours | best peer | peer | gap | allowed | met |")
    print("|---|---|---:|---:|---:|---|---:|---:|---|")
    for d in sorted(metric):
        m = metric[d]
        present = [fw for fw in frameworks if (d, fw) in scores]
        if a.ours not in present:
            continue
        folds = set.intersection(*(set(scores[(d, fw)]) for fw in present))
        def avg(fw):
            vals = [scores[(d, fw)][k] for k in folds]
            return None if not vals or any(v is None for v in vals) else sum(vals) / len(vals)
        ours = avg(a.ours)
        peers = {fw: avg(fw) for fw in present if fw != a.ours and avg(fw) is not None}
        hi = HIGHER[m]
        best_fw = max(peers, key=lambda fw: peers[fw] if hi else -peers[fw])
        best = peers[best_fw]
        if m == "auc":
            gap, allowed = best - (ours if ours is not None else 0), 0.01
        else:
            gap = ((ours if ours is not None else float("inf")) - best) / best
            allowed = 0.05 if m == "logloss" else 0.03
        ok = ours is not None and gap <= allowed
        met += ok
        total += 1
        unit = "" if m == "auc" else " (rel.)"
        print(f"| {d} | {m} | {len(folds)} | {ours:.4f} | {best:.4f} | {best_fw} | {gap:+.4f}{unit} | {allowed} | {'yes' if ok else '**no**'} |")
    print(f"\nTarget 3 met on {met} of {total} datasets.")


if __name__ == "__main__":
    main()

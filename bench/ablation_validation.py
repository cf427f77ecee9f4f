#!/usr/bin/env python3
"""Best validation score per searcher variant, from the details files that `automl bench` writes.

    python3 bench/ablation_validation.py OUTDIR/automl4j-random.csv.details.jsonl ... > OUTDIR/validation.md

Per dataset and fold: each variant's best validation score (AUC, log loss or RMSE on the inner validation of the
training rows; an ensemble's on the out-of-fold predictions it was selected on, so optimistic) and its number of
trials; then each variant's mean rank over the dataset-folds every variant has (1 = best, ties share the mean rank).
Test scores are `summarize.py`'s job; this table shows what each searcher found on the data it could see.
"""
import json
import sys

HIGHER_IS_BETTER = {"auc"}


def label(path):
    name = path.rsplit("/", 1)[-1]
    for suffix in (".csv.details.jsonl", ".details.jsonl"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name[len("automl4j-"):] if name.startswith("automl4j-") else name


def ranks(values, higher):
    order = sorted(range(len(values)), key=lambda i: -values[i] if higher else values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def main(paths):
    variants = [label(p) for p in paths]
    runs = []
    for p in paths:
        by_key = {}
        with open(p) as f:
            for line in f:
                d = json.loads(line)
                if d.get("validation_score") is not None:
                    by_key[(d["dataset"], d["fold"])] = d
        runs.append(by_key)
    keys = sorted(set.intersection(*(set(r) for r in runs)))
    print("| dataset | fold | metric | " + " | ".join(variants) + " |")
    print("|---|---:|---|" + "---:|" * len(variants))
    rank_sum = [0.0] * len(variants)
    trials = [0] * len(variants)
    for key in keys:
        rows = [r[key] for r in runs]
        metric = rows[0]["metric"]
        scores = [r["validation_score"] for r in rows]
        rk = ranks([round(s, 6) for s in scores], metric in HIGHER_IS_BETTER)
        best = min(rk)
        cells = []
        for i, r in enumerate(rows):
            cell = "%.4f (%d)" % (scores[i], r.get("completed", 0))
            cells.append("**" + cell + "**" if rk[i] == best else cell)
            rank_sum[i] += rk[i]
            trials[i] += r.get("completed", 0)
        print("| %s | %d | %s | %s |" % (key[0], key[1], metric, " | ".join(cells)))
    n = max(1, len(keys))
    print()
    print("| variant | mean validation rank | mean completed trials |")
    print("|---|---:|---:|")
    for i, v in enumerate(variants):
        print("| %s | %.2f | %.1f |" % (v, rank_sum[i] / n, trials[i] / n))
    print()
    print("%d dataset-folds with a validation score for every variant." % len(keys))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])

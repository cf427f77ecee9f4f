#!/usr/bin/env python3
"""The issue-20 targets table: per collection, AutoML4J's runs beside R's baselines (mean sMAPE, mean MASE, CPU
seconds per series), the best single classical baseline (ets, arima, theta) and comb, and whether each run is below
them. Run from the repository root after run-pack.sh:
    python3 bench/results/issue20/targets.py > bench/results/issue20/targets.md
"""
import csv, gzip, os, statistics
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
rows = defaultdict(list)   # (framework, collection) -> [(smape, mase, cpu)]
with gzip.open(os.path.join(HERE, 'r-baselines', 'baselines_series.csv.gz'), 'rt') as f:
    for r in csv.DictReader(f):
        rows[(r['framework'], r['collection'])].append((float(r['smape']), float(r['mase']), float(r['cpu_seconds'] or 'nan')))
ours = []
for name in ('automl4j', 'automl4j-global'):
    path = os.path.join(HERE, name + '_series.csv')
    if not os.path.exists(path):
        continue
    ours.append(name)
    with open(path) as f:
        for r in csv.DictReader(f):
            rows[(r['framework'], r['collection'])].append((float(r['smape']), float(r['mase']), float(r['cpu_seconds'])))
collections = ['m3-yearly', 'm3-quarterly', 'm3-monthly', 'm3-other', 'tourism-yearly', 'tourism-quarterly', 'tourism-monthly']
comb_target = {'m3-monthly', 'm3-quarterly', 'tourism-monthly', 'tourism-quarterly'}

def mean(fw, c, i):
    v = [x[i] for x in rows[(fw, c)]]
    return statistics.fmean(v) if v else float('nan')

print('| collection | method | series | sMAPE | MASE | CPU s/series |')
print('|---|---|---:|---:|---:|---:|')
for c in collections:
    for fw in ['snaive', 'theta', 'ets', 'arima', 'comb'] + ours:
        if rows[(fw, c)]:
            print(f'| {c} | {fw} | {len(rows[(fw, c)])} | {mean(fw, c, 0):.2f} | {mean(fw, c, 1):.3f} | {mean(fw, c, 2):.3f} |')
print()
print('| collection | best single sMAPE | best single MASE | comb sMAPE | comb MASE | ' + ' | '.join(
    f'{o}: below best single (sMAPE, MASE) | {o}: below comb (sMAPE, MASE)' for o in ours) + ' |')
print('|---|---:|---:|---:|---:|' + '---|---|' * len(ours))
for c in collections:
    singles = ['ets', 'arima', 'theta']
    bs = min(mean(m, c, 0) for m in singles)
    bm = min(mean(m, c, 1) for m in singles)
    cs, cm = mean('comb', c, 0), mean('comb', c, 1)
    cells = []
    for o in ours:
        s, m = mean(o, c, 0), mean(o, c, 1)
        cells.append(f"{'yes' if s < bs else 'no'} ({s:.2f}), {'yes' if m < bm else 'no'} ({m:.3f})")
        cells.append((f"{'yes' if s < cs else 'no'}, {'yes' if m < cm else 'no'}") + ('' if c in comb_target else ' (not a target)'))
    print(f'| {c} | {bs:.2f} | {bm:.3f} | {cs:.2f} | {cm:.3f} | ' + ' | '.join(cells) + ' |')

"""Synthetic monthly sales of 40 stores with a promotion flag known in advance (a quarter of the months) that lifts
sales by 60 %, a yearly season and a trend; writes sales.csv (60 months), future.csv (the promotions of the next 6
months) and actual.csv (what happened then). Deterministic (seeded)."""
import csv, math, random

random.seed(20)
STORES, MONTHS, H = 40, 60, 6


def month(t):
    return f"{2020 + t // 12:04d}-{t % 12 + 1:02d}"


with open("sales.csv", "w", newline="") as s, open("future.csv", "w", newline="") as f, \
        open("actual.csv", "w", newline="") as a:
    ws, wf, wa = csv.writer(s), csv.writer(f), csv.writer(a)
    ws.writerow(["store", "month", "promo", "sales"])
    wf.writerow(["store", "month", "promo"])
    wa.writerow(["store", "month", "sales"])
    for k in range(STORES):
        base, growth, amp = 80 + 15 * k, random.uniform(0, 0.01), random.uniform(0.05, 0.3)
        for t in range(MONTHS + H):
            promo = 1 if random.random() < 0.25 else 0
            v = base * (1 + growth) ** t * (1 + amp * math.sin(2 * math.pi * t / 12)) * (1 + 0.6 * promo)
            v *= 1 + random.gauss(0, 0.04)
            if t < MONTHS:
                ws.writerow([f"S{k}", month(t), promo, f"{v:.2f}"])
            else:
                wf.writerow([f"S{k}", month(t), promo])
                wa.writerow([f"S{k}", month(t), f"{v:.2f}"])

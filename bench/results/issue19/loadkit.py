#!/usr/bin/env python3
"""Helpers of load-test.sh: request bodies, a training CSV of the demo schema, and the bad-request battery.

  loadkit.py rows N OUT             a JSON array of N rows of the demo churn schema (no target)
  loadkit.py train N SEED OUT       a CSV of N labelled rows (target 'churned'), the demo generator's formula
  loadkit.py battery URL MAX_ROWS   sends each bad request, prints a Markdown table (case, expected, status, kind)
  loadkit.py slowloris URL N SECS   N slow-loris connections of two kinds against URL; prints a Markdown table

Standard library only; loopback only.
"""
import json
import math
import random
import socket
import sys
import threading
import time
import urllib.parse
import urllib.request

PLANS = ["basic", "plus", "pro"]


def row(r, i):
    """One row as the demo generator (DefaultDataset) draws it, and its churn label."""
    a = round(18 + 60 * r.random())
    t = math.floor(-math.log(1 - r.random()) * 24)
    p = r.randrange(3)
    f = round((20 + 25 * p + 15 * r.random()) * 100) / 100.0
    c = math.floor(-math.log(1 - r.random()) * 1.5)
    z = -0.5 - 0.05 * t + 0.6 * c + 0.04 * (f - 45) - (0 if p == 0 else 0.8) + 0.0015 * (a - 45) ** 2 - 0.3
    churn = r.random() < 1 / (1 + math.exp(-z))
    values = {"customer_id": "C%06d" % (i + 1), "age": float(a), "tenure_months": float(t),
              "monthly_fee": None if r.random() < 0.05 else f, "support_calls": float(c),
              "plan": None if r.random() < 0.03 else PLANS[p], "region": "R%d" % (1 + r.randrange(12)),
              "noise": r.gauss(0, 1)}
    return values, "yes" if churn else "no"


def rows(n, seed=3):
    r = random.Random(seed)
    return [row(r, i)[0] for i in range(n)]


def write_rows(n, out):
    with open(out, "w") as f:
        json.dump(rows(n), f)


def write_train(n, seed, out):
    r = random.Random(seed)
    cols = ["customer_id", "age", "tenure_months", "monthly_fee", "support_calls", "plan", "region", "noise", "churned"]
    with open(out, "w") as f:
        f.write(",".join(cols) + "\n")
        for i in range(n):
            v, label = row(r, i)
            v["churned"] = label
            f.write(",".join("" if v[c] is None else str(v[c]) for c in cols) + "\n")


def raw(url, method, path, body=b"", content_type="application/json", timeout=30):
    """Sends one request over a plain socket (so an early answer to a huge body is still read) -> (status, kind)."""
    u = urllib.parse.urlparse(url)
    s = socket.create_connection((u.hostname, u.port), timeout=timeout)
    try:
        head = "%s %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % (
            method, path, u.hostname, u.port, content_type, len(body))
        try:
            s.sendall(head.encode("ascii"))
            view = memoryview(body)
            for off in range(0, len(body), 65536):
                s.sendall(view[off:off + 65536])
        except (BrokenPipeError, ConnectionResetError):
            pass   # the server answered early (413) and closed; its answer is still in the socket
        data = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except (ConnectionResetError, socket.timeout):
            pass
    finally:
        s.close()
    if not data:
        return "closed", ""
    status = data.split(b"\r\n", 1)[0].split(b" ")[1].decode()
    kind = ""
    text = data.split(b"\r\n\r\n", 1)[-1]
    start = text.find(b'"kind"')
    if start >= 0:
        kind = text[start:].split(b'"')[3].decode(errors="replace")
    return status, kind


def battery(url, max_rows):
    good = rows(1)[0]
    cases = [
        ("malformed JSON", "400 malformed_json", "POST", "/predict", b'[{"age": 41,'),
        ("top level not an array", "400 wrong_type", "POST", "/predict", b'{"age": 41}'),
        ("nested cell", "400 wrong_type", "POST", "/predict", json.dumps([dict(good, age=[1, 2])]).encode()),
        ("text in a number column", "400 validation", "POST", "/predict", json.dumps([dict(good, age="old")]).encode()),
        ("missing columns", "400 validation", "POST", "/predict", b'[{"age": 41}]'),
        ("extra column (ignored, as documented)", "200", "POST", "/predict",
         json.dumps([dict(good, shoe_size=44)]).encode()),
        ("huge body (9 MiB)", "413 body_too_large", "POST", "/predict", b"[" + b" " * (9 << 20) + b"]"),
        ("%d rows over a %d limit" % (10 * max_rows, max_rows), "413 too_many_rows", "POST", "/predict",
         json.dumps(rows(10 * max_rows)).encode()),
        ("invalid UTF-8", "400 invalid_utf8", "POST", "/predict",
         b'[{"customer_id": "C\xff\xfe", "age": 41}]'),
        ("empty body", "400", "POST", "/predict", b""),
        ("wrong content type", "415 unsupported_media_type", "POST", "/predict", b"age\n41\n"),
        ("GET /predict", "405 method_not_allowed", "GET", "/predict", b""),
        ("unknown model", "404 unknown_model", "POST", "/models/nosuch/predict", json.dumps([good]).encode()),
    ]
    print("| case | expected | status | kind | as expected |")
    print("|---|---|---|---|---|")
    ok = True
    for name, expected, method, path, body in cases:
        ctype = "text/plain" if name == "wrong content type" else "application/json"
        status, kind = raw(url, method, path, body, ctype)
        got = (status + " " + kind).strip()
        match = got == expected or (expected.isdigit() and status == expected)
        ok &= match
        print("| %s | %s | %s | %s | %s |" % (name, expected, status, kind, "yes" if match else "**no**"))
    return ok


def health(url):
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/health", timeout=5) as r:
            return r.status
    except Exception:   # noqa: BLE001 -- any failure counts as not serving
        return 0


def slowloris(url, n, secs):
    """Two kinds of slow clients, n connections each: partial headers then silence, and a body trickled a byte a second.
    Reports how many the server closed (or answered) within secs, and /health once a second meanwhile."""
    u = urllib.parse.urlparse(url)
    results = {"headers": [], "body": []}
    lock = threading.Lock()

    def client(kind):
        start = time.time()
        s = socket.create_connection((u.hostname, u.port), timeout=secs + 5)
        outcome = "still open"
        try:
            if kind == "headers":
                s.sendall(b"POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: appl")
            else:
                s.sendall(b"POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[")
            s.settimeout(1.0)
            while time.time() - start < secs:
                try:
                    data = s.recv(4096)
                    outcome = "closed" if not data else data.split(b"\r\n", 1)[0].split(b" ")[1].decode()
                    break
                except socket.timeout:
                    if kind == "body":
                        try:
                            s.sendall(b" ")
                        except OSError:
                            outcome = "closed"
                            break
                except OSError:
                    outcome = "closed"
                    break
        finally:
            s.close()
        with lock:
            results[kind].append((outcome, time.time() - start))

    threads = [threading.Thread(target=client, args=(k,)) for k in ("headers", "body") for _ in range(n)]
    for t in threads:
        t.start()
    checks = []
    begin = time.time()
    while any(t.is_alive() for t in threads) and time.time() - begin < secs + 10:
        checks.append(health(url))
        time.sleep(1)
    for t in threads:
        t.join()
    print("| slow client (%d connections each) | outcomes | slowest to end (s) |" % n)
    print("|---|---|---|")
    for kind, label in (("headers", "partial headers, then silence"), ("body", "body trickled 1 byte/s")):
        counts = {}
        for outcome, _ in results[kind]:
            counts[outcome] = counts.get(outcome, 0) + 1
        print("| %s | %s | %.1f |" % (label, ", ".join("%s: %d" % kv for kv in sorted(counts.items())),
                                      max(d for _, d in results[kind])))
    print()
    print("/health during the slow clients: %d checks, %d answered 200." % (len(checks), checks.count(200)))
    return checks.count(200) == len(checks)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "rows":
        write_rows(int(sys.argv[2]), sys.argv[3])
    elif cmd == "train":
        write_train(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif cmd == "battery":
        sys.exit(0 if battery(sys.argv[2], int(sys.argv[3])) else 1)
    elif cmd == "slowloris":
        sys.exit(0 if slowloris(sys.argv[2], int(sys.argv[3]), float(sys.argv[4])) else 1)
    else:
        sys.exit(__doc__)

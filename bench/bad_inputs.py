#!/usr/bin/env python3
"""Issue 14's bad-input table, measured: runs the command-line tool on each bad input a new user (or an attacker) gave
it and prints a Markdown table of the case, the exit code and the message (the first line of standard error, or for a
run that succeeds the line that reports the problem).

    python3 bench/bad_inputs.py [--jar bench/target/automl.jar] [--out table.md]

Every case runs in a fresh temporary folder; a few short searches (max_trials 2) make models to damage. The CLI tests
(bench/src/test/java/automl4j/cli/*CliTest.java) assert the same exit codes and messages; this script shows them.
"""
import argparse
import hashlib
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import zipfile


def rows(n, cell_a):
    lines = ["a,b,y"]
    for i in range(n):
        lines.append(f"{cell_a(i)},{'pqr'[i % 3]},{'x' if (i * 7 // 3) % 2 == 0 else 'z'}")
    return "\n".join(lines) + "\n"


def number(i):
    return f"{(i * 37 % 101) / 10.0 - 4:.2f}"


class Tool:
    def __init__(self, jar, folder):
        self.jar = jar
        self.folder = folder

    def file(self, name, text, binary=False):
        path = os.path.join(self.folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb" if binary else "w", encoding=None if binary else "utf-8") as f:
            f.write(text)
        return path

    def run(self, *args):
        p = subprocess.run(["java", "-jar", self.jar, *args], cwd=self.folder, capture_output=True, text=True, timeout=300)
        return p.returncode, p.stdout, p.stderr

    def config(self, yaml):
        return self.run("run", "--config", self.file("run.yaml", yaml))


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def line_with(text, word):
    for line in text.splitlines():
        if word in line:
            return line.strip()
    return first_line(text)


def rezip(src, dst, change):
    """Copies a version-3 model file, applying change(name, bytes) -> bytes to entries, with every checksum and size
    recomputed (as anyone can), so the damage reaches the loaders rather than the checksum check."""
    with zipfile.ZipFile(src) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    manifest = json.loads(entries["manifest.json"])
    for name in list(entries):
        if name in ("manifest.json", "manifest.sha256"):
            continue
        entries[name] = change(name, entries[name])
        manifest["entries"][name] = {"size": len(entries[name]), "sha256": hashlib.sha256(entries[name]).hexdigest()}
    entries["manifest.json"] = json.dumps(manifest, indent=2).encode()
    entries["manifest.sha256"] = hashlib.sha256(entries["manifest.json"]).hexdigest().encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["manifest.json", "manifest.sha256"] + [n for n in entries if n not in ("manifest.json", "manifest.sha256")]:
            z.writestr(name, entries[name])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="bench/target/automl.jar")
    ap.add_argument("--out")
    args = ap.parse_args()
    jar = os.path.abspath(args.jar)
    table = []

    def case(name, result, expect_word=None):
        code, out, err = result
        message = first_line(err) if code != 0 else line_with(out, expect_word) if expect_word else "(ok)"
        table.append((name, code, message.replace("|", "\\|")))
        print(f"{code}  {name}: {message}", file=sys.stderr)

    ok_data = "data:\n  train: train.csv\n  target: y\n"
    short = "budget:\n  seconds: 20\n  max_trials: 2\n"
    with tempfile.TemporaryDirectory() as d:
        t = Tool(jar, d)
        t.file("train.csv", rows(200, number))
        # Section 4: numbers
        for label, cell in [("Infinity", "Infinity"), ("-Infinity", "-Infinity"), ("1e400", "1e400")]:
            t.file("inf.csv", rows(200, lambda i, c=cell: c if i == 5 else number(i)))
            case(f"`{label}` in a numeric column", t.config("data:\n  train: inf.csv\n  target: y\n" + short + "output: o-inf\n"))
        t.file("inf.csv", rows(200, lambda i: "Infinity" if i == 5 else number(i)))
        case("`Infinity` with `data.infinity: missing`",
             t.config("data:\n  train: inf.csv\n  target: y\n  infinity: missing\n" + short + "output: o-inf2\n"), "Best:")
        t.file("nan.csv", rows(200, lambda i: "NaN" if i in (3, 50, 120) else number(i)))
        case("`NaN` text in 3 of 200 cells", t.run("check", "--data", "nan.csv", "--target", "y"), "non-numeric")
        t.file("comma.csv", rows(200, lambda i: '"' + number(i).replace(".", ",") + '"'))
        case("decimal commas (`\"0,1\"`)", t.run("check", "--data", "comma.csv", "--target", "y"), "decimal")
        case("decimal commas with `--decimal ,`", t.run("check", "--data", "comma.csv", "--target", "y", "--decimal", ","), "column 'a'")
        text = rows(200, number)
        lines = text.splitlines()
        swapped = "\n".join(",".join([l.split(",")[2], l.split(",")[0], l.split(",")[1]]) for l in lines) + "\n"
        t.file("bom.csv", ("\ufeff" + swapped).encode("utf-8"), binary=True)
        case("UTF-8 byte-order mark, target first", t.config("data:\n  train: bom.csv\n  target: y\n" + short + "output: o-bom\n"),
             "Best:")
        t.file("semi.csv", text.replace(",", ";"))
        case("`;`-separated file", t.config("data:\n  train: semi.csv\n  target: y\n" + short + "output: o-semi\n"))
        case("`;`-separated file with `data.separator: \";\"`",
             t.config("data:\n  train: semi.csv\n  target: y\n  separator: \";\"\n" + short + "output: o-semi2\n"), "Best:")
        t.file("na.csv", rows(200, lambda i: "NA" if i % 17 == 0 else number(i)))
        case("`NA` in 6% of a numeric column, without `data.missing_values`", t.run("check", "--data", "na.csv", "--target", "y"),
             "mostly-numeric")
        case("`NA` in 6% of a numeric column, with `data.missing_values: [NA]`",
             t.config("data:\n  train: na.csv\n  target: y\n  missing_values: [NA, \"?\"]\n" + short + "output: o-na\n"), "missing")
        t.file("const.csv", "a,y\n" + "".join(f"{i},5\n" for i in range(50)))
        case("constant regression target", t.config("data:\n  train: const.csv\n  target: y\n  task: regression\n" + short))
        # Section 4: output paths (and section 3's lock)
        t.file("afile.txt", "x")
        case("`run` output under a file", t.config(ok_data + short + "output: afile.txt/out\n"))
        case("`run` output is an existing file", t.config(ok_data + short + "output: afile.txt\n"))
        # Section 4: config messages
        case("`budget.seconds: 1e300`", t.config(ok_data + "budget:\n  seconds: 1e300\n"))
        case("`featurize.kinds` names an unknown column",
             t.config(ok_data + short + "featurize:\n  kinds: {regoin: text}\n"))
        case("`featurize.kinds` names the target", t.config(ok_data + short + "featurize:\n  kinds: {y: text}\n"))
        case("`data:` given as a scalar", t.config("data: train.csv\n"))
        case("`budget: 10`", t.config(ok_data + "budget: 10\n"))
        case("seed beyond 32 bits (2^40)", t.config(ok_data + short + "search:\n  seed: 1099511627776\noutput: o-seed\n"), "Best:")
        case("seed beyond 64 bits", t.config(ok_data + short + "search:\n  seed: 99999999999999999999\n"))
        case("`cores: 100000`", t.config(ok_data + short + "cores: 100000\n"))
        # Models: a good one, then damaged copies
        code, out, err = t.config(ok_data + short + "search:\n  learners: [xgboost]\noutput: good\n")
        model = os.path.join(d, "good", "model.automl")
        fresh = t.file("new.csv", "\n".join(l.rsplit(",", 1)[0] for l in text.splitlines()) + "\n")

        def predict(path):
            return t.run("predict", "--model", path, "--data", fresh, "--out", os.path.join(d, "p.csv"))

        case("`predict --out` under a file", t.run("predict", "--model", model, "--data", fresh, "--out", "afile.txt/p.csv"))
        raw = bytearray(open(model, "rb").read())
        body = raw.find(b"models/0.bin") + 40
        for k in range(8):
            raw[body + 200 + k] ^= 0x5A
        case("model file: bytes of the compressed payload changed (zlib)", predict(t.file("zlib.automl", bytes(raw), binary=True)))
        rezip(model, os.path.join(d, "json.automl"), lambda n, b: b[: len(b) // 2] if n.endswith(".json") else b)
        case("model file: featurizer JSON cut in half, checksums recomputed", predict(os.path.join(d, "json.automl")))
        rng = random.Random(14)

        def scramble(name, data):
            if not name.endswith(".bin"):
                return data
            data = bytearray(data)
            for _ in range(8):
                data[rng.randrange(len(data))] = rng.randrange(256)
            return bytes(data)

        rezip(model, os.path.join(d, "xgb.automl"), scramble)
        case("model file: 8 random bytes in the XGBoost payload, checksums recomputed", predict(os.path.join(d, "xgb.automl")))
        rezip(model, os.path.join(d, "empty.automl"), lambda n, b: b"" if n.endswith(".bin") else b)
        case("model file: empty XGBoost payload, checksums recomputed", predict(os.path.join(d, "empty.automl")))
        with zipfile.ZipFile(model) as z:
            entries = {n: z.read(n) for n in z.namelist()}
        manifest = json.loads(entries["manifest.json"])
        manifest["entries"] = {}
        entries["manifest.json"] = json.dumps(manifest).encode()
        entries["manifest.sha256"] = hashlib.sha256(entries["manifest.json"]).hexdigest().encode()
        with zipfile.ZipFile(os.path.join(d, "nosums.automl"), "w") as z:
            for n, b in entries.items():
                z.writestr(n, b)
        case("model file: checksums emptied", predict(os.path.join(d, "nosums.automl")))
        with zipfile.ZipFile(model) as z:
            original = {n: z.read(n) for n in z.namelist()}
        with zipfile.ZipFile(os.path.join(d, "bomb.automl"), "w", zipfile.ZIP_DEFLATED) as z:
            for n, b in original.items():
                z.writestr(n, b)
            z.writestr("extra.bin", b"\0" * (64 << 20))
        case("model file: an extra 64 MiB entry the manifest does not name", predict(os.path.join(d, "bomb.automl")))
        case("model file: not a zip", predict(t.file("bogus.automl", "not a zip")))
        # Help
        code, out, err = t.run("--help")
        table.append(("`--help`", code, "subcommand summaries: " + "; ".join(
            l.strip() for l in out.splitlines() if l.startswith("  ") and not l.strip().startswith("-"))[:300].replace("|", "\\|")))
        code, out, err = t.run("run", "--help")
        keys = [k for k in ("budget.seconds", "isolation", "gpus", "data.separator", "data.missing_values") if k in out]
        table.append(("`run --help`", code, "lists " + ", ".join(keys) + " (among every key), none split across lines"))

    lines = ["| case | exit | message |", "|---|---:|---|"] + [f"| {c} | {code} | {m} |" for c, code, m in table]
    text = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()

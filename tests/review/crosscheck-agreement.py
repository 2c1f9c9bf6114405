#!/usr/bin/python3
# crosscheck-agreement.py — spanmark-cli agree against the standard implementations
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: crosscheck-agreement.py SPANMARK_CLI SOURCE_ROOT
#
# Generates projects (random texts with CJK, Latin, emoji and white space;
# three or four annotators with random, nested and overlapping spans; some
# files missing, some documents empty), runs `spanmark-cli agree --json
# --by-document` on each, and compares every figure, to 1e-9, with
#   Cohen's κ            sklearn.metrics.cohen_kappa_score
#   Krippendorff's α     nltk.metrics.agreement.AnnotationTask.alpha
#   Fleiss' κ            statsmodels.stats.inter_rater.fleiss_kappa
# computed on the same units: the categories come from the export's own
# rules (bench/conll_export.py: outermost spans, White_Space).  Span F1
# is counted here directly.  Degenerate cases must be null with a reason
# where the libraries give NaN or raise.
#
# build-aux/setup-debian installs python3-sklearn, python3-nltk and
# python3-statsmodels; where one is not installed (a Flatpak SDK) the test
# is skipped, except under SPANMARK_TESTS_REQUIRE_ALL (CI), where that is
# a failure (tests/util/spanmark_prerequisites.py).  Output is TAP.

import hashlib
import itertools
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import warnings

results = []


def ok(condition, name):
    results.append((bool(condition), name))
    print("%s %d - %s" % ("ok" if condition else "not ok", len(results), name))
    sys.stdout.flush()


sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "util"))
from spanmark_prerequisites import require  # noqa: E402

_modules = require(["numpy", "nltk.metrics.agreement", "sklearn.metrics", "statsmodels.stats.inter_rater"],
                   "python3-sklearn python3-nltk python3-statsmodels", tap=True)
numpy = _modules["numpy"]
AnnotationTask = _modules["nltk.metrics.agreement"].AnnotationTask
cohen_kappa_score = _modules["sklearn.metrics"].cohen_kappa_score
aggregate_raters = _modules["statsmodels.stats.inter_rater"].aggregate_raters
fleiss_kappa = _modules["statsmodels.stats.inter_rater"].fleiss_kappa

CLI, SOURCE_ROOT = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(SOURCE_ROOT, "bench"))
from conll_export import WHITE_SPACE, flatten  # noqa: E402

LABELS = ["OFFICIAL", "PLACE", "INITIATIVE"]
CHARS = list("车俊浙江省杭州市重庆涪陵区果园港八八战略一带一路长江经济带") + list("abcXYZ019") + ["🙂", "𠀋"]
SPACES = [" ", "\u3000", "\t", "\n", "\u00a0"]
EPSILON = 1e-9


def close(a, b):
    return a is not None and b is not None and abs(a - b) <= EPSILON


def make_text(rng, length):
    out = []
    for _ in range(length):
        out.append(rng.choice(SPACES) if rng.random() < 0.12 else rng.choice(CHARS))
    return "".join(out)


def random_spans(rng, length, density):
    spans = []
    position = 0
    while length > 1:
        start = position + rng.randint(0, 12)
        end = start + rng.randint(1, 6)
        if end > length:
            break
        spans.append((start, end, rng.choice(LABELS)))
        if rng.random() < 0.1 and end - start >= 2:
            spans.append((start + 1, end, rng.choice(LABELS)))      # nested
        if rng.random() < 0.05 and end + 2 <= length:
            spans.append((end - 1, end + 2, rng.choice(LABELS)))    # overlapping
        position = end if rng.random() < density else end + 10
    return spans


def perturb(rng, spans, length):
    out = []
    for start, end, label in spans:
        r = rng.random()
        if r < 0.1:
            continue
        if r < 0.2:
            label = rng.choice(LABELS)
        elif r < 0.3 and end < length:
            end += 1
        out.append((start, end, label))
    if length > 4 and rng.random() < 0.5:
        start = rng.randint(0, length - 3)
        out.append((start, start + 2, rng.choice(LABELS)))
    return out


def run(*args, check=True):
    p = subprocess.run([CLI] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    if check and p.returncode != 0:
        raise RuntimeError("spanmark-cli %s: status %d: %s" % (" ".join(args), p.returncode, p.stderr))
    return p


def write_annotations(project, annotator, doc, text, spans, status="done"):
    folder = os.path.join(project, "annotations", annotator)
    os.makedirs(folder, exist_ok=True)
    data = {
        "spanmark": 1, "document": doc,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "annotator": annotator, "status": status, "modified": None,
        "spans": [{"id": "s%d" % (i + 1), "start": s, "end": e, "label": label, "text": text[s:e]}
                  for i, (s, e, label) in enumerate(spans)],
        "entities": [],
    }
    with open(os.path.join(folder, doc + ".json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)


def make_project(root, name, texts):
    """A project with one document per text (ids d000, d001, …)."""
    run("init", os.path.join(root, name))
    files = []
    for i, text in enumerate(texts):
        path = os.path.join(root, "d%03d.txt" % i)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        files.append(path)
    run("import", os.path.join(root, name), *files)
    for path in files:
        os.unlink(path)
    project = os.path.join(root, name)
    stored = []
    for i in range(len(texts)):
        with open(os.path.join(project, "documents", "d%03d.txt" % i), encoding="utf-8", newline="") as f:
            stored.append(f.read())
    return project, stored


def categories(text, spans):
    """The category of each unit: the export's outermost span, or O."""
    tags = ["O"] * len(text)
    kept, _ = flatten([{"id": "s%d" % i, "start": s, "end": e, "label": label}
                       for i, (s, e, label) in enumerate(spans)])
    for span in kept:
        for i in range(span["start"], span["end"]):
            tags[i] = span["label"]
    return [tags[i] for i in range(len(text)) if text[i] not in WHITE_SPACE]


def span_counts(a, b):
    both = a_only = b_only = 0
    ca, cb = {}, {}
    for s in a:
        ca[s] = ca.get(s, 0) + 1
    for s in b:
        cb[s] = cb.get(s, 0) + 1
    for key in set(ca) | set(cb):
        n = min(ca.get(key, 0), cb.get(key, 0))
        both += n
        a_only += ca.get(key, 0) - n
        b_only += cb.get(key, 0) - n
    return both, a_only, b_only


def kappa(y1, y2):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = cohen_kappa_score(y1, y2)
    return None if math.isnan(value) else float(value)


def check_project(label, project, texts, annotations, names):
    """annotations[name][doc] = spans, or absent for no file."""
    out = json.loads(run("agree", project, "--json", "--by-document", "--annotators", ",".join(names)).stdout)
    ok(out["annotators"] == names, "%s: annotators" % label)

    pairs = {(p["a"], p["b"]): p for p in out["pairs"]}
    units = {}   # (name, doc) -> categories
    for name in names:
        for d, text in enumerate(texts):
            if d in annotations[name]:
                units[(name, d)] = categories(text, annotations[name][d])

    for a, b in itertools.combinations(names, 2):
        pair = pairs[(a, b)]
        shared = [d for d in range(len(texts)) if (a, d) in units and (b, d) in units]
        y1 = [c for d in shared for c in units[(a, d)]]
        y2 = [c for d in shared for c in units[(b, d)]]
        ok(pair["documents"] == len(shared) and pair["units"] == len(y1),
           "%s %s·%s: documents and units" % (label, a, b))

        expected = kappa(y1, y2) if y1 else None
        if expected is None:
            ok(pair["kappa"] is None and pair.get("kappa_reason") in ("single-category", "no-units", "no-documents"),
               "%s %s·%s: κ undefined (sklearn NaN), null with a reason" % (label, a, b))
        else:
            ok(close(pair["kappa"], expected),
               "%s %s·%s: κ %r = sklearn %r" % (label, a, b, pair["kappa"], expected))

        both, a_only, b_only = 0, 0, 0
        for d in shared:
            counts = span_counts(annotations[a][d], annotations[b][d])
            both, a_only, b_only = both + counts[0], a_only + counts[1], b_only + counts[2]
        ok((pair["both"], pair["a_only"], pair["b_only"]) == (both, a_only, b_only),
           "%s %s·%s: span counts" % (label, a, b))
        if both + a_only + b_only:
            ok(close(pair["span_f1"], 2 * both / (2 * both + a_only + b_only)), "%s %s·%s: F1" % (label, a, b))

        for name in LABELS:
            entry = pair["labels"][name]
            expected = kappa([c == name for c in y1], [c == name for c in y2]) if y1 else None
            if expected is None:
                ok(entry["kappa"] is None, "%s %s·%s %s: κ undefined, null" % (label, a, b, name))
            else:
                ok(close(entry["kappa"], expected),
                   "%s %s·%s %s: κ %r = sklearn %r" % (label, a, b, name, entry["kappa"], expected))

    # Per document.
    failures = []
    for document in out["documents"]:
        d = int(document["id"][1:])
        for pair in document["pairs"]:
            expected = kappa(units[(pair["a"], d)], units[(pair["b"], d)]) if units[(pair["a"], d)] else None
            if not (pair["kappa"] is None if expected is None else close(pair["kappa"], expected)):
                failures.append("%s %s·%s: %r, sklearn %r" % (document["id"], pair["a"], pair["b"],
                                                            pair["kappa"], expected))
    ok(not failures, "%s: every document's κ = sklearn %s" % (label, "; ".join(failures)))

    # Krippendorff's α: every unit, coded by each annotator with a file.
    data = [(name, (d, u), c) for (name, d), cats in units.items() for u, c in enumerate(cats)]
    try:
        expected = AnnotationTask(data=data).alpha() if data else None
    except ZeroDivisionError:
        expected = None
    pairable = sum(len(texts[d]) - sum(1 for c in texts[d] if c in WHITE_SPACE)
                   for d in range(len(texts)) if sum(1 for n in names if (n, d) in units) >= 2)
    ok(out["alpha_units"] == pairable, "%s: α units %d" % (label, pairable))
    pairable_values = set(c for (name, d), cats in units.items()
                          if sum(1 for n in names if (n, d) in units) >= 2 for c in cats)
    if expected is None:
        ok(out["alpha"] is None and out.get("alpha_reason") is not None,
           "%s: α undefined (NLTK raises), null with a reason" % label)
    elif len(pairable_values) < 2:
        # NLTK returns 1.0 by convention when there is one label only.
        ok(out["alpha"] is None and out["alpha_reason"] == "single-category",
           "%s: α with one category (NLTK says %r) is null" % (label, expected))
    else:
        ok(close(out["alpha"], expected), "%s: α %r = NLTK %r" % (label, out["alpha"], expected))

    # Fleiss' κ: the documents everyone has, three annotators or more.
    if len(names) < 3:
        ok(out["fleiss_kappa"] is None and out["fleiss_kappa_reason"] == "too-few-annotators"
           and out["fleiss_documents"] == 0, "%s: Fleiss with two annotators is null" % label)
        return
    full = [d for d in range(len(texts)) if all((n, d) in units for n in names)]
    rows = [[units[(n, d)][u] for n in names] for d in full for u in range(len(units[(names[0], d)]))]
    ok(out["fleiss_documents"] == len(full) and out["fleiss_units"] == len(rows), "%s: Fleiss units" % label)
    if rows:
        table, _ = aggregate_raters(numpy.array(rows, dtype=object))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = float(fleiss_kappa(table, method="fleiss"))
        if math.isnan(expected):
            ok(out["fleiss_kappa"] is None and out["fleiss_kappa_reason"] == "single-category",
               "%s: Fleiss undefined (statsmodels NaN), null" % label)
        else:
            ok(close(out["fleiss_kappa"], expected),
               "%s: Fleiss %r = statsmodels %r" % (label, out["fleiss_kappa"], expected))
    else:
        ok(out["fleiss_kappa"] is None and out["fleiss_kappa_reason"] == "no-documents",
           "%s: Fleiss without shared documents is null" % label)


def random_project(root, name, seed, n_docs, names, missing):
    rng = random.Random(seed)
    texts = [make_text(rng, rng.randint(0, 300)) for _ in range(n_docs)]
    project, texts = make_project(root, name, texts)
    base = [random_spans(rng, len(t), 0.5) for t in texts]
    annotations = {}
    for i, who in enumerate(names):
        annotations[who] = {}
        for d, text in enumerate(texts):
            if i > 0 and rng.random() < missing:
                continue
            spans = base[d] if i == 0 else perturb(rng, base[d], len(text))
            annotations[who][d] = spans
            write_annotations(project, who, "d%03d" % d, text, spans,
                              "in-progress" if rng.random() < 0.2 else "done")
    check_project(name, project, texts, annotations, names)


def degenerate_project(root):
    """Everyone leaves everything O; the libraries give NaN or raise."""
    project, texts = make_project(root, "untagged", ["车俊 到杭州", "abc"])
    annotations = {n: {0: [], 1: []} for n in ["a", "b", "c"]}
    for n in annotations:
        for d in range(2):
            write_annotations(project, n, "d%03d" % d, texts[d], [])
    check_project("untagged", project, texts, annotations, ["a", "b", "c"])
    out = json.loads(run("agree", project, "--json").stdout)
    ok(out["pairs"][0]["kappa"] is None and out["pairs"][0]["kappa_reason"] == "single-category",
       "untagged: κ is null, single-category")
    ok(out["alpha"] is None and out["alpha_reason"] == "single-category", "untagged: α is null")
    ok(out["fleiss_kappa"] is None and out["fleiss_kappa_reason"] == "single-category", "untagged: Fleiss null")
    ok("NaN" not in json.dumps(out) and "nan" not in run("agree", project).stdout, "untagged: no NaN printed")


def main():
    with tempfile.TemporaryDirectory(prefix="spanmark-crosscheck-") as root:
        random_project(root, "three", 1, 25, ["alice", "bob", "carol"], 0.15)
        random_project(root, "four", 2, 20, ["a1", "a2", "a3", "a4"], 0.25)
        random_project(root, "two", 3, 15, ["x", "y"], 0.0)
        random_project(root, "sparse", 4, 12, ["p", "q", "r"], 0.6)
        degenerate_project(root)

    print("1..%d" % len(results))
    return 0 if all(good for good, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())

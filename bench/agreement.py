#!/usr/bin/env python3
# agreement.py — the plain-Python baseline of the agreement benchmark
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Computes what `spanmark-cli agree DIR --annotators A,B,… --json` computes
# (docs/review.md has the definitions), from the same project folder, with
# the standard library only, and prints the same figures as one JSON
# object (pairs with kappa, span_f1, both, a_only, b_only and per-label
# kappa / f1; alpha; fleiss_kappa):
#
#   python3 bench/agreement.py DIR A,B,…
#
# Written the way a careful engineer would write it once: one document at
# a time, counts in dictionaries, no tricks.

import itertools
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conll_export import WHITE_SPACE, flatten  # noqa: E402  (the same rules as the export)


def kappa(confusion, categories):
    total = sum(confusion.values())
    if total == 0:
        return None, "no-units"
    rows = {c: sum(confusion.get((c, k), 0) for k in categories) for c in categories}
    cols = {k: sum(confusion.get((c, k), 0) for c in categories) for k in categories}
    if any(rows[c] == total and cols[c] == total for c in categories):
        return None, "single-category"
    observed = sum(confusion.get((c, c), 0) for c in categories) / total
    expected = sum((rows[c] / total) * (cols[c] / total) for c in categories)
    return (observed - expected) / (1 - expected), None


def f1(both, a_only, b_only):
    if 2 * both + a_only + b_only == 0:
        return None, "no-spans"
    return 2 * both / (2 * both + a_only + b_only), None


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: agreement.py DIR A,B,…\n")
        return 2
    project_dir = sys.argv[1]
    annotators = sys.argv[2].split(",")

    with open(os.path.join(project_dir, "spanmark.json"), encoding="utf-8") as f:
        index = json.load(f)
    labels = [label["name"] for label in index["labels"]]
    categories = ["O"] + labels
    pairs = list(itertools.combinations(range(len(annotators)), 2))

    confusion = {p: {} for p in pairs}
    spans_both = {p: {label: [0, 0, 0] for label in labels} for p in pairs}
    documents = {p: 0 for p in pairs}
    # Ordered pairs of values inside units, by the number of values m.
    value_pairs = {}

    for document in index["documents"]:
        with open(os.path.join(project_dir, document["path"]), encoding="utf-8", newline="") as f:
            text = f.read()
        units = [i for i, c in enumerate(text) if c not in WHITE_SPACE]

        values = {}
        span_sets = {}
        for a, name in enumerate(annotators):
            path = os.path.join(project_dir, "annotations", name, document["id"] + ".json")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                spans = json.load(f)["spans"]
            tags = ["O"] * len(text)
            kept, _ = flatten(spans)
            for span in kept:
                for i in range(span["start"], span["end"]):
                    tags[i] = span["label"]
            values[a] = [tags[i] for i in units]
            counts = {}
            for span in spans:
                key = (span["start"], span["end"], span["label"])
                counts[key] = counts.get(key, 0) + 1
            span_sets[a] = counts

        m = len(values)
        for a, b in pairs:
            if a not in values or b not in values:
                continue
            documents[(a, b)] += 1
            cells = confusion[(a, b)]
            pooled = value_pairs.setdefault(m, {})
            for x, y in zip(values[a], values[b]):
                cells[(x, y)] = cells.get((x, y), 0) + 1
                pooled[(x, y)] = pooled.get((x, y), 0) + 1
                pooled[(y, x)] = pooled.get((y, x), 0) + 1
            sa, sb = span_sets[a], span_sets[b]
            for key in set(sa) | set(sb):
                n_both = min(sa.get(key, 0), sb.get(key, 0))
                counts = spans_both[(a, b)][key[2]]
                counts[0] += n_both
                counts[1] += sa.get(key, 0) - n_both
                counts[2] += sb.get(key, 0) - n_both

    out = {"annotators": annotators, "pairs": []}
    for a, b in pairs:
        cells = confusion[(a, b)]
        k, k_reason = kappa(cells, categories)
        totals = [sum(c[i] for c in spans_both[(a, b)].values()) for i in range(3)]
        s, s_reason = f1(*totals)
        pair = {"a": annotators[a], "b": annotators[b], "documents": documents[(a, b)],
                "units": sum(cells.values()), "kappa": k, "span_f1": s,
                "both": totals[0], "a_only": totals[1], "b_only": totals[2], "labels": {}}
        if documents[(a, b)] == 0:
            k_reason = s_reason = "no-documents"
        if k is None:
            pair["kappa_reason"] = k_reason
        if s is None:
            pair["span_f1_reason"] = s_reason
        for label in labels:
            binary = {}
            for (x, y), n in cells.items():
                key = (x == label, y == label)
                binary[key] = binary.get(key, 0) + n
            lk, _ = kappa(binary, [True, False])
            lf, _ = f1(*spans_both[(a, b)][label])
            counts = spans_both[(a, b)][label]
            pair["labels"][label] = {"kappa": lk, "f1": lf, "both": counts[0],
                                     "a_only": counts[1], "b_only": counts[2]}
        out["pairs"].append(pair)

    # Krippendorff's α: coincidences o_ck = Σ_m pairs_m(c, k) / (m − 1).
    coincidence = {}
    for m, cells in value_pairs.items():
        for key, n in cells.items():
            coincidence[key] = coincidence.get(key, 0.0) + n / (m - 1)
    n_c = {c: sum(coincidence.get((c, k), 0.0) for k in categories) for c in categories}
    n = sum(n_c.values())
    if n == 0:
        out["alpha"] = None
    elif sum(1 for c in categories if n_c[c] > 0) < 2:
        out["alpha"] = None
    else:
        disagree = n - sum(coincidence.get((c, c), 0.0) for c in categories)
        expected = n * n - sum(v * v for v in n_c.values())
        out["alpha"] = 1 - (n - 1) * disagree / expected

    # Fleiss' κ over the documents all of them have (m = all).
    full = value_pairs.get(len(annotators), {})
    total = sum(full.values())
    if len(annotators) < 3 or total == 0:
        out["fleiss_kappa"] = None
    else:
        rows = {c: sum(full.get((c, k), 0) for k in categories) for c in categories}
        if any(rows[c] == total for c in categories):
            out["fleiss_kappa"] = None
        else:
            observed = sum(full.get((c, c), 0) for c in categories) / total
            expected = sum((rows[c] / total) ** 2 for c in categories)
            out["fleiss_kappa"] = (observed - expected) / (1 - expected)

    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# conll_export.py — the plain-Python baseline of the export benchmark
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Does what `spanmark-cli export DIR --format conll --annotator NAME -o OUT`
# does, from the same project folder, with the standard library only, and
# writes the same bytes (docs/formats.md describes them):
#
#   python3 bench/conll_export.py DIR NAME OUT
#
# It is written the way a careful engineer would write a one-off
# converter: straightforward, one document at a time, no tricks.

import json
import os
import sys

# White space is str.isspace(), as spanmark_text_is_white_space(); a set
# of the characters, which is faster to look up than the method call.
WHITE_SPACE = set(chr(c) for c in range(0x3001) if chr(c).isspace())


def flatten(spans):
    """Keep the outermost spans: by start, longer first, then id; drop any
    span that overlaps one already kept."""
    kept = []
    kept_end = 0
    dropped = 0
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"], s["id"])):
        if kept and span["start"] < kept_end:
            dropped += 1
            continue
        kept.append(span)
        kept_end = span["end"]
    return kept, dropped


def convert(text, spans):
    """The CoNLL lines of one document (BIO)."""
    tags = [None] * len(text)
    for span in spans:
        label = span["label"]
        first = None
        for i in range(span["start"], min(span["end"], len(text)) + 1):
            c = text[i] if i < span["end"] else "\n"
            if c == "\n":
                if first is not None:
                    tags[first] = "B-" + label
                    for j in range(first + 1, last + 1):
                        tags[j] = "I-" + label
                first = None
                continue
            if c in WHITE_SPACE:
                continue
            if first is None:
                first = i
            last = i

    out = []
    n_tokens = 0
    for i, c in enumerate(text):
        if c == "\n":
            if n_tokens:
                out.append("\n")
            n_tokens = 0
            continue
        if c in WHITE_SPACE:
            continue
        out.append(c + " " + (tags[i] or "O") + "\n")
        n_tokens += 1
    if n_tokens:
        out.append("\n")
    return "".join(out)


def main():
    if len(sys.argv) != 4:
        sys.stderr.write("usage: conll_export.py DIR ANNOTATOR OUT\n")
        return 2
    project_dir, annotator, out_path = sys.argv[1:]

    with open(os.path.join(project_dir, "spanmark.json"), encoding="utf-8") as f:
        index = json.load(f)

    total_dropped = 0
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        for document in index["documents"]:
            doc_id = document["id"]
            with open(os.path.join(project_dir, document["path"]), encoding="utf-8", newline="") as f:
                text = f.read()
            ann_path = os.path.join(project_dir, "annotations", annotator, doc_id + ".json")
            spans = []
            if os.path.exists(ann_path):
                with open(ann_path, encoding="utf-8") as f:
                    spans = json.load(f)["spans"]
            kept, dropped = flatten(spans)
            if dropped:
                sys.stderr.write("%s: dropped %d nested spans\n" % (doc_id, dropped))
                total_dropped += dropped
            out.write(convert(text, kept))

    sys.stderr.write("Dropped %d nested or overlapping spans in all\n" % total_dropped)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# matcher_ahocorasick.py — the matcher benchmark's peer: pyahocorasick
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: matcher_ahocorasick.py DIR
# Reads DIR/dictionary.txt and DIR/corpus.txt (spanmark-bench-matcher
# generate), builds an ahocorasick.Automaton (Debian's python3-ahocorasick)
# and finds the longest non-overlapping matches of every document with
# Automaton.iter_long(), printing the same counts and checksum as
# spanmark-bench-matcher run.

import sys
import time

import ahocorasick

MASK = (1 << 64) - 1


def main(folder):
    with open(folder + "/dictionary.txt", encoding="utf-8") as f:
        words = f.read().split("\n")[:-1]
    with open(folder + "/corpus.txt", encoding="utf-8") as f:
        documents = f.read().split("\n")[:-1]

    t0 = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    t1 = time.perf_counter()

    checksum = 14695981039346656037
    n_matches = 0
    n_chars = 0
    for number, text in enumerate(documents):
        n_chars += len(text)
        for end, length in automaton.iter_long(text):
            start = end + 1 - length
            value = (number << 42) | (start << 21) | (end + 1)
            checksum = ((checksum ^ value) * 1099511628211) & MASK
            n_matches += 1
    t2 = time.perf_counter()

    # The same walk with nothing done per match: what iter_long itself costs.
    for text in documents:
        for _ in automaton.iter_long(text):
            pass
    t3 = time.perf_counter()

    print("entries %d" % len(automaton))
    print("documents %d" % len(documents))
    print("characters %d" % n_chars)
    print("matches %d" % n_matches)
    print("checksum %016x" % checksum)
    print("build %.3f s" % (t1 - t0))
    print("search %.3f s" % (t2 - t1))
    print("search, iterating only %.3f s" % (t3 - t2))


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/python3
# matcher_reference.py — leftmost-longest matches the slow, obvious way
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: matcher_reference.py DIR
# The same output as spanmark-bench-matcher run DIR (without times), from
# the definition: at each position from the left, the longest dictionary
# text starting there, then on after its end.  Slow (a minute for the
# benchmark corpus); it tells which of the two fast matchers is right
# where they differ.

import sys

MASK = (1 << 64) - 1


def main(folder):
    with open(folder + "/dictionary.txt", encoding="utf-8") as f:
        words = set(f.read().split("\n")[:-1])
    with open(folder + "/corpus.txt", encoding="utf-8") as f:
        documents = f.read().split("\n")[:-1]
    longest = max(map(len, words))

    checksum = 14695981039346656037
    n_matches = 0
    for number, text in enumerate(documents):
        i = 0
        n = len(text)
        while i < n:
            best = 0
            for length in range(1, min(longest, n - i) + 1):
                if text[i:i + length] in words:
                    best = length
            if best == 0:
                i += 1
                continue
            value = (number << 42) | (i << 21) | (i + best)
            checksum = ((checksum ^ value) * 1099511628211) & MASK
            n_matches += 1
            i += best

    print("entries %d" % len(words))
    print("documents %d" % len(documents))
    print("characters %d" % sum(map(len, documents)))
    print("matches %d" % n_matches)
    print("checksum %016x" % checksum)


if __name__ == "__main__":
    main(sys.argv[1])

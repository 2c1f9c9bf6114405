#!/usr/bin/env python3
# check-white-space.py — the exports' token rule is Python's str.isspace()
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-white-space.py SPANMARK-CLI
#
# Imports one document holding every Unicode scalar value (but NUL, which
# import refuses, and CR, which it turns into LF), exports it as conll and
# as hf, and checks that the tokens written are exactly the characters for
# which str.isspace() is false, in order: what NLTK's and spaCy's CoNLL
# readers, which split lines with str.split(), need.  It also checks each
# conll line splits into exactly two fields.  Exit status 0 when they
# agree; otherwise the first characters that differ are printed.

import json
import os
import subprocess
import sys
import tempfile


def run(cli, *args):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("spanmark-cli %s failed (%d): %s" % (args[0], result.returncode, result.stderr))


def compare(what, got, expected):
    if got == expected:
        return True
    for i, (a, b) in enumerate(zip(got, expected)):
        if a != b:
            print("%s: token %d is U+%04X, expected U+%04X" % (what, i, ord(a), ord(b)))
            return False
    print("%s: %d tokens, expected %d" % (what, len(got), len(expected)))
    return False


def main():
    cli = sys.argv[1]
    text = "".join(chr(c) for c in range(1, 0x110000)
                   if not 0xD800 <= c < 0xE000 and c != 0x0D)
    expected = [c for c in text if not c.isspace()]
    ok = True

    with tempfile.TemporaryDirectory(prefix="spanmark-ws-") as tmp:
        project = os.path.join(tmp, "p")
        source = os.path.join(tmp, "all.jsonl")
        with open(source, "w", encoding="utf-8") as f:
            # One span, so that there is an annotator to export.
            f.write(json.dumps({"id": "all", "text": text,
                                "spans": [{"start": 0x40, "end": 0x41, "label": "PLACE"}]}) + "\n")
        run(cli, "init", project)
        run(cli, "import", project, source)

        conll = os.path.join(tmp, "out.conll")
        run(cli, "export", project, "--format", "conll", "-o", conll)
        with open(conll, "rb") as f:
            lines = [line.decode("utf-8") for line in f.read().split(b"\n") if line]
        for line in lines:
            if len(line.split()) != 2:
                print("conll: line %r does not split into two fields" % line)
                ok = False
                break
        ok = compare("conll", [line.rsplit(" ", 1)[0] for line in lines], expected) and ok

        hf = os.path.join(tmp, "hf")
        run(cli, "export", project, "--format", "hf", "-o", hf)
        tokens = []
        with open(os.path.join(hf, "data.jsonl"), encoding="utf-8", newline="\n") as f:
            for line in f.read().split("\n"):
                if line:
                    tokens.extend(json.loads(line)["tokens"])
        ok = compare("hf", tokens, expected) and ok

    print("%d code points, %d white space, %s" % (len(text), len(text) - len(expected),
                                                   "as str.isspace()" if ok else "DIFFERENT"))
    sys.exit(0 if ok else 1)


main()

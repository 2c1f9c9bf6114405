#!/usr/bin/python3
# check-potfiles.py — po/POTFILES.in must list every file with
# translatable strings, and nothing that does not exist.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.py SOURCE_ROOT
# Scans src/ and data/ (data/sample/ holds user data, not strings of the
# program).  Prints what is wrong and exits 1, or exits 0.

import os
import re
import sys

SCANNED_DIRS = ("src", "data")
SKIPPED_DIRS = ("data/sample",)
SOURCE_SUFFIXES = (".c", ".h", ".ui", ".xml", ".in")

# C: _( N_( C_( NC_( ngettext( and friends; a space before the
# parenthesis is allowed (GNU style).
C_MARKER = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2|g_dcgettext)\s*\(")
# GtkBuilder, gschema and old intltool-style markers.
XML_MARKER = re.compile(r'translatable="yes"|gettext-domain|<_[A-Za-z]')
C_COMMENT = re.compile(r"/\*.*?\*/", re.S)
LINE_COMMENT = re.compile(r"^\s*//.*$", re.M)


def has_translatable_strings(path, text):
    # Desktop files and AppStream metainfo are translated through ITS rules,
    # without markers: every one of them has user-visible strings.
    name = os.path.basename(path)
    if re.search(r"\.desktop(\.in)+$", name) or re.search(r"\.(metainfo|appdata)\.xml(\.in)+$", name):
        return True
    if path.endswith((".c", ".h")):
        code = LINE_COMMENT.sub("", C_COMMENT.sub("", text))
        return C_MARKER.search(code) is not None
    return XML_MARKER.search(text) is not None


def main():
    if len(sys.argv) != 2:
        print("usage: check-potfiles.py SOURCE_ROOT", file=sys.stderr)
        return 2
    root = sys.argv[1]
    problems = []

    listed = []
    potfiles = os.path.join(root, "po", "POTFILES.in")
    with open(potfiles, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            listed.append(line)
            if not os.path.isfile(os.path.join(root, line)):
                problems.append("po/POTFILES.in:%d: %s does not exist" % (number, line))
    if len(set(listed)) != len(listed):
        problems.append("po/POTFILES.in lists a file twice")

    found = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            rel_dir = os.path.relpath(dirpath, root)
            dirnames[:] = sorted(d for d in dirnames
                                 if os.path.join(rel_dir, d) not in SKIPPED_DIRS)
            for name in sorted(filenames):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                rel = os.path.join(rel_dir, name)
                with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
                    if has_translatable_strings(rel, f.read()):
                        found.append(rel)

    for rel in found:
        if rel not in listed:
            problems.append("%s has translatable strings but is missing from po/POTFILES.in" % rel)

    for p in problems:
        print(p)
    print("%d files with translatable strings, %d listed, %d problems"
          % (len(found), len(listed), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

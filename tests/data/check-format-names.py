#!/usr/bin/python3
# check-format-names.py — the formats are named in the formats folder only
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-format-names.py SOURCE_ROOT
#        check-format-names.py --self-test
#
# Every export and import format is one file and one entry of a table in
# src/core/formats/; the dialog, the command line and the rest of the core
# ask the tables.  So outside that folder, src/ holds:
#   - no C string that is a format's name ("conll"): code that picks a
#     format by name;
#   - no SPANMARK_EXPORT_FORMAT_… or SPANMARK_IMPORT_FORMAT_… identifier:
#     code that switches on formats;
#   - no line naming two export formats or more: a list of formats, which
#     a new format would leave out.
# The names are read from the format files themselves (".name = …" in the
# definition of a format).  Prints every place found and exits 1, or exits
# 0.  --self-test runs the check on a made-up tree and fails if it does not
# find exactly what was put there.

import os
import re
import sys
import tempfile

FORMATS_DIR = os.path.join("src", "core", "formats")
SOURCE_SUFFIXES = (".c", ".h", ".ui")
DEFINITION = re.compile(r"const Spanmark(Export|Import)Format _spanmark_\w+ = \{(.*?)\n\};", re.S)
NAME = re.compile(r'\.name\s*=\s*"([^"]+)"')
IDENTIFIER = re.compile(r"\bSPANMARK_(?:EXPORT|IMPORT)_FORMAT_\w+")

# Lines that may list formats, and why.
ALLOWED = {
    # The notes of release 0.1.0, the metainfo's own words: a record of
    # what that release did, not a list to keep up to date.
    ("src/app/spanmark-about.c", "Export to CoNLL, Hugging Face, spaCy-style JSON Lines, doccano and brat"),
}


def format_names(root):
    """The names of the export formats and of all formats, from the
    definitions in the formats folder."""
    export, every = set(), set()
    folder = os.path.join(root, FORMATS_DIR)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".c"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        for kind, body in DEFINITION.findall(text):
            for found in NAME.findall(body):
                every.add(found)
                if kind == "Export":
                    export.add(found)
    return export, every


def source_files(root):
    for top in ("src",):
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            relative = os.path.relpath(folder, root)
            if relative == FORMATS_DIR or relative.startswith(FORMATS_DIR + os.sep):
                continue
            for name in sorted(files):
                if name.endswith(SOURCE_SUFFIXES):
                    yield os.path.join(relative, name)


def check(root):
    export, every = format_names(root)
    problems = []
    if not export:
        return ["%s: no export format found" % FORMATS_DIR]
    literal = re.compile(r'"(%s)"' % "|".join(re.escape(n) for n in sorted(every)))
    word = re.compile(r"(?<![\w-])(%s)(?![\w-])" % "|".join(re.escape(n) for n in sorted(export)), re.I)

    for path in source_files(root):
        with open(os.path.join(root, path), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                where = "%s:%d" % (path, number)
                for found in literal.findall(line):
                    problems.append('%s: the format name "%s" in code' % (where, found))
                for found in IDENTIFIER.findall(line):
                    problems.append("%s: %s, a switch on formats" % (where, found))
                listed = sorted({m.lower() for m in word.findall(line)})
                if len(listed) >= 2 and not any(p == path and text in line for p, text in ALLOWED):
                    problems.append("%s: a list of formats (%s)" % (where, ", ".join(listed)))
    return problems


def self_test():
    files = {
        "src/core/formats/spanmark-export-xfmt.c":
            'const SpanmarkExportFormat _spanmark_export_format_xfmt = {\n  .name = "xfmt",\n};\n'
            'const SpanmarkExportFormat _spanmark_export_format_yfmt = {\n  .name = "yfmt",\n};\n',
        "src/core/formats/spanmark-import-zfmt.c":
            'const SpanmarkImportFormat _spanmark_import_format_zfmt = {\n  .name = "zfmt",\n};\n',
        "src/core/formats/spanmark-export-format.c": 'if (g_str_equal (name, "xfmt")) /* xfmt, yfmt */\n',
        "src/app/picks.c": 'format = lookup ("xfmt");\nother = lookup ("zfmt");\n',
        "src/cli/switch.c": "case SPANMARK_EXPORT_FORMAT_XFMT:\n",
        "src/cli/list.ui": "<item>Writes XFMT or yfmt files</item>\n",
        "src/cli/clean.c": "/* one xfmt file, and an x-yfmt-like name */\nconst char *s = \"xfmt-docstart\";\n",
    }
    expected = [
        'src/app/picks.c:1: the format name "xfmt" in code',
        'src/app/picks.c:2: the format name "zfmt" in code',
        "src/cli/list.ui:1: a list of formats (xfmt, yfmt)",
        "src/cli/switch.c:1: SPANMARK_EXPORT_FORMAT_XFMT, a switch on formats",
    ]
    with tempfile.TemporaryDirectory() as root:
        for path, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
            with open(os.path.join(root, path), "w", encoding="utf-8") as f:
                f.write(text)
        found = check(root)
    if sorted(found) != sorted(expected):
        print("self-test: found %r, expected %r" % (found, expected))
        return 1
    print("self-test: the check finds what it should")
    return 0


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--self-test":
        return self_test()
    if len(sys.argv) != 2:
        print("usage: check-format-names.py SOURCE_ROOT | --self-test", file=sys.stderr)
        return 2
    problems = check(sys.argv[1])
    for problem in problems:
        print(problem)
    if not problems:
        print("the formats are named in %s only" % FORMATS_DIR)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# check-po.py — a translation must be complete against the current sources.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.py SOURCE_ROOT LANG
# Extracts a fresh template from po/POTFILES.in into a temporary folder
# (the same xgettext options as meson's 'glib' preset), merges po/LANG.po
# with it there, and fails if any message is untranslated or fuzzy, or if
# msgfmt --check finds an error.  The source tree is not modified.

import os
import re
import subprocess
import sys
import tempfile

XGETTEXT_ARGS = [
    "--package-name=spanmark",
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **kwargs)


def msgids(po_text):
    """The msgids of the entries in po_text, for a readable report."""
    out = []
    for block in po_text.split("\n\n"):
        m = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if m:
            s = "".join(re.findall(r'"(.*)"', m.group(1)))
            if s:
                out.append(s)
    return out


def main():
    if len(sys.argv) != 3:
        print("usage: check-po.py SOURCE_ROOT LANG", file=sys.stderr)
        return 2
    root, lang = sys.argv[1], sys.argv[2]
    po = os.path.join(root, "po", lang + ".po")
    ok = True

    with tempfile.TemporaryDirectory(prefix="spanmark-po-") as tmp:
        pot = os.path.join(tmp, "spanmark.pot")
        merged = os.path.join(tmp, lang + ".po")
        r = run(["xgettext"] + XGETTEXT_ARGS +
                ["--directory=" + root,
                 "--files-from=" + os.path.join(root, "po", "POTFILES.in"),
                 "--output=" + pot])
        if r.returncode != 0:
            print("xgettext failed:\n" + r.stderr)
            return 1
        r = run(["msgmerge", "--quiet", "--output-file=" + merged, po, pot])
        if r.returncode != 0:
            print("msgmerge failed:\n" + r.stderr)
            return 1

        for what, path in (("po/%s.po as committed" % lang, po),
                           ("po/%s.po merged with the current sources" % lang, merged)):
            # A real file, not /dev/null: some sandboxes refuse to write there.
            r = run(["msgfmt", "--check", "--statistics",
                     "--output-file=" + os.path.join(tmp, "check.mo"), path])
            stats = r.stderr.strip()
            print("%s: %s" % (what, stats))
            if r.returncode != 0:
                ok = False
                print("msgfmt --check failed")
            elif "fuzzy" in stats or "untranslated" in stats:
                ok = False

        for option, kind in (("--untranslated", "untranslated"), ("--only-fuzzy", "fuzzy")):
            r = run(["msgattrib", option, "--no-obsolete", merged])
            for s in msgids(r.stdout):
                print("%s: %s" % (kind, s))

    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# check-install.py — `meson install` puts everything where GNOME looks.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-install.py MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID
# (directories as meson reports them: BINDIR, DATADIR and LOCALEDIR
# relative to PREFIX or absolute).  Installs the built tree into a
# temporary DESTDIR with --no-rebuild and checks the expected files.

import configparser
import os
import subprocess
import sys
import tempfile

SCHEMA_ID = "io.github.spanmark.Spanmark"


def main():
    if len(sys.argv) != 8:
        print("usage: check-install.py MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID",
              file=sys.stderr)
        return 2
    meson, build_root, prefix, bindir, datadir, localedir, app_id = sys.argv[1:]
    problems = []

    with tempfile.TemporaryDirectory(prefix="spanmark-install-") as destdir:
        env = dict(os.environ, DESTDIR=destdir)
        r = subprocess.run([meson, "install", "-C", build_root, "--no-rebuild",
                            "--quiet", "--destdir", destdir],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, env=env)
        if r.returncode != 0:
            print("meson install failed:\n" + r.stdout)
            return 1

        def under(directory, *parts):
            path = os.path.join(prefix, directory, *parts)
            return os.path.join(destdir, path.lstrip("/"))

        expected = [
            under(bindir, "spanmark"),
            under(bindir, "spanmark-cli"),
            under(datadir, "applications", app_id + ".desktop"),
            under(datadir, "metainfo", app_id + ".metainfo.xml"),
            under(datadir, "icons", "hicolor", "scalable", "apps", app_id + ".svg"),
            under(datadir, "icons", "hicolor", "symbolic", "apps", app_id + "-symbolic.svg"),
            under(datadir, "glib-2.0", "schemas", SCHEMA_ID + ".gschema.xml"),
            under(localedir, "zh_CN", "LC_MESSAGES", "spanmark.mo"),
        ]
        for path in expected:
            if not os.path.isfile(path):
                problems.append("missing: " + os.path.relpath(path, destdir))
            else:
                print("ok: " + os.path.relpath(path, destdir))

        for name in ("spanmark", "spanmark-cli"):
            path = under(bindir, name)
            if os.path.isfile(path) and not os.access(path, os.X_OK):
                problems.append("not executable: " + os.path.relpath(path, destdir))

        # The desktop file must point at the installed icon and binary, and
        # carry the Chinese translation merged in at build time.
        desktop = under(datadir, "applications", app_id + ".desktop")
        if os.path.isfile(desktop):
            parser = configparser.RawConfigParser(strict=False)
            parser.optionxform = str
            parser.read(desktop, encoding="utf-8")
            entry = parser["Desktop Entry"]
            if entry.get("Icon") != app_id:
                problems.append("desktop file: Icon is %r, not %r" % (entry.get("Icon"), app_id))
            if entry.get("Exec", "").split(" ")[0] != "spanmark":
                problems.append("desktop file: Exec does not run spanmark")
            if "Name[zh_CN]" not in entry and "Comment[zh_CN]" not in entry:
                problems.append("desktop file: no zh_CN translation merged in")

        metainfo = under(datadir, "metainfo", app_id + ".metainfo.xml")
        if os.path.isfile(metainfo):
            with open(metainfo, encoding="utf-8") as f:
                text = f.read()
            if "<id>%s</id>" % app_id not in text:
                problems.append("metainfo: component id is not " + app_id)
            if '<launchable type="desktop-id">%s.desktop</launchable>' % app_id not in text:
                problems.append("metainfo: launchable does not name " + app_id + ".desktop")

        # Static libraries and headers are build-time only.
        for dirpath, _, filenames in os.walk(destdir):
            for name in filenames:
                if name.endswith((".a", ".la", ".h")):
                    problems.append("unexpected: " + os.path.relpath(os.path.join(dirpath, name), destdir))

    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# check-flatpak.py — the two Flatpak manifests follow Flathub's rules.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak.py SOURCE_ROOT
# The release manifest builds a tagged commit (Flathub refuses "dir"
# sources) and lets flatpak-builder split debug symbols; the .Devel
# manifest builds the source tree with the development profile.  Both use
# the same runtime and grant the same minimal permissions.  The metainfo
# names the developer once and points its screenshots at a tag.

import json
import os
import re
import sys

BASE_ID = "io.github.spanmark.Spanmark"
# Network, the SSH agent and, read-only, the SSH known hosts (so libgit2
# can check a server's host key) for team sync only (docs/sync.md):
# nothing else in the app talks to the network or reads outside the
# folders the user picks.
ALLOWED_FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri",
                       "--share=network", "--socket=ssh-auth", "--filesystem=~/.ssh/known_hosts:ro"}
# Bundled before the app, in this order: no GNOME runtime has them.
SYNC_MODULES = ["libssh2", "libgit2", "libgit2-glib"]

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def load(root, name):
    path = os.path.join(root, "flatpak", name)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def app_module(manifest):
    modules = [m for m in manifest["modules"] if isinstance(m, dict) and m.get("name") == "spanmark"]
    check(len(modules) == 1, "one module named spanmark")
    return modules[0] if modules else {}


def main():
    root = sys.argv[1]
    release = load(root, BASE_ID + ".json")
    devel = load(root, BASE_ID + ".Devel.json")

    check(release["id"] == BASE_ID, "release id is " + BASE_ID)
    check(devel["id"] == BASE_ID + ".Devel", "devel id ends in .Devel")
    for key in ("runtime", "runtime-version", "sdk", "command", "finish-args"):
        check(release.get(key) == devel.get(key), f"both manifests have the same {key}")
    check(set(release["finish-args"]) <= ALLOWED_FINISH_ARGS,
          "no permissions beyond ipc, x11/wayland, dri, and network, ssh-auth and known_hosts for sync")
    for manifest in (release, devel):
        names = [m.get("name") for m in manifest["modules"] if isinstance(m, dict)]
        check(names == SYNC_MODULES + ["spanmark"],
              f"{manifest['id']}: modules {', '.join(SYNC_MODULES)}, then spanmark")
        for m in manifest["modules"]:
            if isinstance(m, dict) and m.get("name") in SYNC_MODULES:
                for source in m.get("sources", []):
                    check(source.get("type") == "git" and "tag" in source
                          and re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")) is not None,
                          f"{manifest['id']}: {m['name']} pins a tag and its full commit hash")

    module = app_module(release)
    sources = module.get("sources", [])
    check(len(sources) == 1 and sources[0].get("type") == "git", "the release builds a git source")
    if sources:
        check("tag" in sources[0], "the release source names a tag")
        check(re.fullmatch(r"[0-9a-f]{40}", sources[0].get("commit", "")) is not None,
              "the release source pins the tag's full commit hash")
    options = module.get("build-options", {})
    check("no-debuginfo" not in options and "strip" not in options,
          "the release keeps debug symbols for the .Debug extension")

    module = app_module(devel)
    sources = module.get("sources", [])
    check(len(sources) == 1 and sources[0].get("type") == "dir", "the devel manifest builds the tree")
    check("-Dprofile=development" in module.get("config-opts", []),
          "the devel manifest uses the development profile")

    with open(os.path.join(root, "data", BASE_ID + ".metainfo.xml.in.in"), encoding="utf-8") as f:
        metainfo = f.read()
    check("<developer_name" not in metainfo, "metainfo: <developer> only, no <developer_name>")
    for url in re.findall(r"<image>([^<]*)</image>", metainfo):
        check("/main/" not in url and "/master/" not in url, f"screenshot on a tag, not a branch: {url}")
        if sources:
            tag = release["modules"][-1]["sources"][0].get("tag", "")
            check(f"/{tag}/" in url, f"screenshot on the released tag {tag}: {url}")

    for p in problems:
        print("check-flatpak: not true:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

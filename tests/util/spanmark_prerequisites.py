# spanmark_prerequisites.py — Python modules a test needs, or a skip
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A test that compares with a reference library (python3-yaml,
# python3-sklearn…) cannot run where the library is missing: a Flatpak
# SDK has none of them.  There it reports a meson skip with the reason:
# exit status 77, or "1..0 # SKIP" for a TAP test.  Where
# SPANMARK_TESTS_REQUIRE_ALL is set (build-aux/run-tests, so CI, where
# build-aux/setup-debian installs them all) a missing module is a failure.
# Only a module that is not there counts as missing: one that is there but
# fails to import fails the test, as before.

import importlib
import os
import sys


def _strict():
    value = os.environ.get("SPANMARK_TESTS_REQUIRE_ALL", "")
    return value not in ("", "0")


def require(modules, packages, tap=False):
    """Imports @modules (dotted names); returns them in a dict.  A missing
    one skips (or, strictly, fails) the test, naming the Debian
    @packages that provide them."""
    found = {}
    for name in modules:
        try:
            found[name] = importlib.import_module(name)
        except ModuleNotFoundError as e:
            # Only the module itself or a parent package of it: a module
            # that is there but imports one that is not fails as it is.
            if e.name is None or not (name == e.name or name.startswith(e.name + ".")):
                raise
            reason = "the Python module %s is not installed (%s; build-aux/setup-debian installs %s)" % (
                e.name, sys.executable, packages)
            if _strict():
                reason += " and SPANMARK_TESTS_REQUIRE_ALL is set: nothing may be skipped"
                if tap:
                    print("1..1")
                    print("not ok 1 - %s" % reason)
                else:
                    print(reason, file=sys.stderr)
                sys.exit(1)
            if tap:
                print("1..0 # SKIP %s" % reason)
                sys.exit(0)
            print("SKIP: %s" % reason)
            sys.exit(77)
    return found

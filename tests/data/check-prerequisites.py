#!/usr/bin/python3
# check-prerequisites.py — tests whose prerequisite is missing skip, or fail under CI
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-prerequisites.py SOURCE_ROOT BUILD_ROOT
#
# Four tests need something of the machine's that a Flatpak SDK lacks: the
# zh_CN.UTF-8 locale (core/json-syntax-translated), a device that behaves
# as a full one (cli/safety-export-full-device), python3-yaml
# (export/hf-card-python), python3-sklearn and the other reference
# libraries (review/crosscheck-agreement).  Each is run here with its
# prerequisite taken away — LOCPATH to an empty folder, /dev/null as the
# "full" device, a Python package that is not there — and must report a
# skip with the reason, and must fail instead with
# SPANMARK_TESTS_REQUIRE_ALL=1 (what build-aux/run-tests sets).  Output
# is TAP.

import os
import subprocess
import sys
import tempfile

SOURCE_ROOT, BUILD_ROOT = sys.argv[1], sys.argv[2]
results = []


def ok(condition, name):
    results.append(condition)
    print("%s %d - %s" % ("ok" if condition else "not ok", len(results), name))
    if not condition:
        # meson shows the standard error of a failed test.
        print("not ok: %s" % name, file=sys.stderr)
    sys.stdout.flush()


def run(args, extra):
    env = dict(os.environ)
    env.pop("SPANMARK_TESTS_REQUIRE_ALL", None)
    env.update(extra)
    return subprocess.run(args, env=env, capture_output=True, text=True)


def missing_module(folder, name):
    """A package @name in @folder that is "not installed": importing it
    raises what a missing module raises."""
    package = os.path.join(folder, name)
    os.makedirs(package, exist_ok=True)
    with open(os.path.join(package, "__init__.py"), "w") as f:
        f.write("raise ModuleNotFoundError(\"No module named '%s'\", name=%r)\n" % (name, name))


def check(name, args, extra, skipped, reason):
    lax = run(args, extra)
    out = lax.stdout + lax.stderr
    if not (skipped(lax) and reason in out):
        print(out, file=sys.stderr)
    ok(skipped(lax) and reason in out, "%s skips without it: %s" % (name, out.strip().splitlines()[-1:] or lax.returncode))
    strict = run(args, dict(extra, SPANMARK_TESTS_REQUIRE_ALL="1"))
    out = strict.stdout + strict.stderr
    ok(strict.returncode != 0 and reason in out and "SKIP" not in out,
       "%s fails without it under SPANMARK_TESTS_REQUIRE_ALL (status %d)" % (name, strict.returncode))


def tap_case_skipped(result):
    return result.returncode == 0 and "# SKIP" in result.stdout and "not ok" not in result.stdout


with tempfile.TemporaryDirectory() as tmp:
    empty = os.path.join(tmp, "no-locales")
    os.mkdir(empty)
    check("json-syntax-translated",
          [os.path.join(BUILD_ROOT, "tests", "core", "test-json-syntax"), "-p", "/json-syntax/translated"],
          {"LOCPATH": empty}, tap_case_skipped, "no zh_CN.UTF-8 locale")

    check("safety-export-full-device",
          [os.path.join(BUILD_ROOT, "tests", "cli", "test-safety"), "-p", "/cli/safety/export-full-device"],
          {"SPANMARK_TEST_FULL_DEVICE": "/dev/null"}, tap_case_skipped, "no device here behaves as a full one")

    modules = os.path.join(tmp, "modules")
    missing_module(modules, "yaml")
    missing_module(modules, "numpy")
    python = {"PYTHONPATH": modules}
    check("hf-card-python",
          [sys.executable, os.path.join(SOURCE_ROOT, "tests", "export", "check-hf-card.py"), os.environ["SPANMARK_CLI"]],
          python, lambda r: r.returncode == 77, "the Python module yaml is not installed")
    check("crosscheck-agreement",
          [sys.executable, os.path.join(SOURCE_ROOT, "tests", "review", "crosscheck-agreement.py"),
           os.environ["SPANMARK_CLI"], SOURCE_ROOT],
          python, lambda r: r.returncode == 0 and r.stdout.startswith("1..0 # SKIP"),
          "the Python module numpy is not installed")

print("1..%d" % len(results))
sys.exit(0 if all(results) else 1)

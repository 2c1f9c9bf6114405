# bench-lib.sh — shell helpers shared by the bench/run-*-bench scripts
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced, not run.  Expects $work (a folder for logs) and $python.

# measure OUT_PREFIX COMMAND…: runs COMMAND, sets WALL (seconds) and
# RSS (peak resident set size, MiB).  GNU time when it is installed,
# otherwise a small Python wrapper around getrusage().
measure () {
  local log="$work/$1.time"
  shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$log" "$@"
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
                         for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$log")
    RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$log")
  else
    "$python" - "$log" "$@" <<'EOF'
import resource, subprocess, sys, time
start = time.monotonic()
status = subprocess.call(sys.argv[2:])
wall = time.monotonic() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
with open(sys.argv[1], "w") as f:
    f.write("%.2f %.1f\n" % (wall, rss / 1024))
sys.exit(status)
EOF
    read -r WALL RSS < "$log"
  fi
}

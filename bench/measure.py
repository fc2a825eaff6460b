#!/usr/bin/env python3
"""Run a command and write `wall user sys maxrss_kb` to OUTFILE, like
`/usr/bin/time -f "%e %U %S %M" -o OUTFILE`.

Fallback for bench/compare.sh when GNU time is missing. Usage: measure.py OUTFILE CMD ARGS...
"""
import resource
import subprocess
import sys
import time

out, cmd = sys.argv[1], sys.argv[2:]
start = time.monotonic()
code = subprocess.call(cmd)
wall = time.monotonic() - start
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as f:
    f.write(f"{wall:.3f} {ru.ru_utime:.3f} {ru.ru_stime:.3f} {ru.ru_maxrss}\n")
sys.exit(code)

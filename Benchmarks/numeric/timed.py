#!/usr/bin/env python3
"""Run a command with stdin/stdout files; print '{"wall": s, "cpu": s}' (cpu = user + sys of the child).

usage: timed.py INPUT OUTPUT COMMAND [ARGS...]
"""
import json, os, subprocess, sys, time

source, target, command = sys.argv[1], sys.argv[2], sys.argv[3:]
before = os.times()
start = time.perf_counter()
with open(source, "rb") as stdin, open(target, "wb") as stdout:
    status = subprocess.run(command, stdin=stdin, stdout=stdout, check=False).returncode
wall = time.perf_counter() - start
after = os.times()
cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
if status != 0:
    sys.exit(f"{command[0]} exited {status}")
print(json.dumps({"wall": wall, "cpu": cpu}))

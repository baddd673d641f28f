"""One measured run of a command, shared by Benchmarks/results.py and Benchmarks/startup/bench.py.

The command runs under GNU time (/usr/bin/time, a small C program), which writes the child's
peak RSS from its own wait4. Linux carries the launching process's RSS high-water mark into a
child at exec, so a child spawned straight from Python would read Python's ~14 MB as its floor.
"""
import atexit, os, shutil, subprocess, sys, tempfile, time

if not os.access("/usr/bin/time", os.X_OK):
    sys.exit("bench: GNU time is needed at /usr/bin/time (apt-get install time)")

_peak_folder = tempfile.mkdtemp(prefix="gleaner-peak-")
atexit.register(shutil.rmtree, _peak_folder, ignore_errors=True)
_peak_file = os.path.join(_peak_folder, "peak")

def run_measured(command, stdin_path=None, stdout_path=os.devnull, stderr=None, who="bench"):
    """Runs COMMAND with files on stdin/stdout: (wall seconds, peak RSS MiB, CPU seconds).
    Exits naming the command when it fails."""
    with open(stdin_path or os.devnull, "rb") as source, open(stdout_path, "wb") as sink:
        start = time.perf_counter()
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", _peak_file, *command],
                                 stdin=source, stdout=sink, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{who}: {' '.join(command)} exited {code}")
    with open(_peak_file) as f:
        peak_kib = int(f.read().split()[-1])
    return wall, peak_kib / 1024, usage.ru_utime + usage.ru_stime

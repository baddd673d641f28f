/// The PySpark driver `gleaner run --engine spark` starts (kept here so the executable needs no
/// resource files).
enum SparkDriver {
    static let script = #"""
        """Gleaner on Apache Spark, written by `gleaner run --engine spark`.

        The driver only splits the sources into cheap lists: `fetch --list-sources` items (paths,
        URLs, WARC files), or byte ranges of a source program's output saved to the shared folder.
        Each executor task runs its slice through the same stage programs, from `fetch` on, as a
        pipe of processes with the job's environment, and writes the result to the shared folder:
        `report --partial` aggregates when the pipeline has reports, else its records (part files).
        The driver then merges the partials with `report --merge` (or streams the part files) in
        partition order, so no record passes through Spark's driver."""
        import io
        import json
        import os
        import shutil
        import subprocess
        import sys
        import time

        RANGE_TARGET = 8 << 20  # bytes of a source program's output per partition, at most
        LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"  # local[N] only, see start_spark


        def fail(message, status=1):
            print("gleaner spark: " + message, file=sys.stderr)
            sys.exit(status)


        def check_runtime():
            """One line that says what to install when pyspark or Java is missing."""
            try:
                import pyspark  # noqa: F401
            except ImportError:
                fail(f"pyspark is not installed for {sys.executable}; install it (python3 -m venv .venv && "
                     ".venv/bin/pip install pyspark) or set GLEANER_PYTHON to a python that has it", 69)
            java_home = os.environ.get("JAVA_HOME")
            java = os.path.join(java_home, "bin", "java") if java_home else shutil.which("java")
            if not java or not os.access(java, os.X_OK):
                fail("Spark needs a Java runtime (17 or newer) and none was found on PATH or in JAVA_HOME; "
                     f"install one (Debian: apt-get install default-jre-headless); pyspark is GLEANER_PYTHON={sys.executable}", 69)


        def with_flags(argv, *flags):
            """`flags` right after the program name: a dashed path after `--` stays a path."""
            return argv[:1] + list(flags) + argv[1:]


        def run_pipe(argvs, labels, source, sink, env, cwd):
            """Runs processes joined by OS pipes: `source` (a file object; None: the driver's own
            stdin) feeds the first, the last writes into `sink`; raises naming the first stage that
            failed."""
            procs = []
            for i, argv in enumerate(argvs):
                stdin = (subprocess.PIPE if source is not None else None) if i == 0 else procs[-1].stdout
                stdout = sink if i == len(argvs) - 1 else subprocess.PIPE
                proc = subprocess.Popen(argv, stdin=stdin, stdout=stdout, env=env, cwd=cwd)
                if i > 0:
                    procs[-1].stdout.close()
                procs.append(proc)

            def feed():
                try:
                    shutil.copyfileobj(source, procs[0].stdin, 1 << 16)
                except BrokenPipeError:
                    pass
                finally:
                    try:
                        procs[0].stdin.close()
                    except BrokenPipeError:
                        pass

            if source is not None:
                feed()  # the last stage writes to a file, so feeding first cannot deadlock
            seconds = []
            for label, proc in zip(labels, procs):
                _, wait_status, usage = os.wait4(proc.pid, 0)
                status = proc.returncode = os.waitstatus_to_exitcode(wait_status)
                seconds.append((label, usage.ru_utime + usage.ru_stime))
                if status != -13:  # SIGPIPE after a reader finished is not a failure
                    check_status(label, status)
            return seconds  # each stage's CPU time, for GLEANER_SPARK_TIMINGS


        def check_status(label, status):
            """Raises naming the stage when its exit status (negative: a signal) is a failure."""
            if status < 0:
                raise RuntimeError(f"stage '{label}' was killed by signal {-status}")
            if status > 0:
                raise RuntimeError(f"stage '{label}' failed with exit status {status}")


        class Slice:
            """Bytes [start, end) of a file, read in chunks (a source program's saved output)."""

            def __init__(self, path, start, end):
                self.handle = open(path, "rb")
                self.handle.seek(start)
                self.left = end - start

            def read(self, size=-1):
                size = self.left if size < 0 else min(size, self.left)
                data = self.handle.read(size) if size > 0 else b""
                self.left -= len(data)
                return data


        def make_task(spec):
            """The function each executor runs on one partition of slices."""
            shared, env, cwd = spec["shared"], spec["environment"], spec["cwd"] or None
            chain = spec["stages"] + ([spec["partial"]] if spec["partial"] else [])
            labels = spec["labels"] + (["report --partial"] if spec["partial"] else [])
            kind = "partial" if spec["partial"] else "part"

            def task(index, slices):
                began = time.monotonic()
                slices = list(slices)
                if not slices:
                    return []
                argvs, names = list(chain), list(labels)
                if slices[0][0] == "items":
                    argvs.insert(0, with_flags(spec["fetch"], "--from-list", "-"))
                    names.insert(0, spec["fetch_label"])
                    source = io.BytesIO(b"".join(line for _, line in slices))
                else:  # parallelize keeps neighbours together: one contiguous range
                    source = Slice(os.path.join(shared, "source.ndjson"), slices[0][1][0], slices[-1][1][1])
                final = os.path.join(shared, f"{kind}-{index:05d}.ndjson")
                temporary = final + f".{os.getpid()}.tmp"
                cpu = []
                with open(temporary, "wb") as sink:
                    if argvs:
                        cpu = run_pipe(argvs, names, source, sink, env, cwd)
                    else:
                        shutil.copyfileobj(source, sink)
                os.replace(temporary, final)  # a retried or speculative task leaves one whole file
                if env.get("GLEANER_SPARK_TIMINGS"):
                    stages = ", ".join(f"{label} {seconds:.2f}" for label, seconds in cpu)
                    print(f"gleaner spark: task {index}: {len(slices)} slices in {time.monotonic() - began:.1f} s "
                          f"(CPU s: {stages})", file=sys.stderr)
                return [(index, os.path.getsize(final), sum(seconds for _, seconds in cpu))]

            return task


        def split_sources(spec, workers):
            """The driver's cheap lists: ("items", line) for fetch, ("range", (start, end)) else."""
            env, cwd = spec["environment"], spec["cwd"] or None
            if spec["fetch"]:
                listed = subprocess.run(with_flags(spec["fetch"], "--list-sources"), stdout=subprocess.PIPE, env=env, cwd=cwd)
                if listed.returncode != 0:
                    fail(f"stage '{spec['fetch_label']}' failed with exit status {listed.returncode}", listed.returncode)
                return [("items", line + b"\n") for line in listed.stdout.split(b"\n") if line.strip()]
            path = os.path.join(spec["shared"], "source.ndjson")
            with open(path, "wb") as sink:
                if spec["source"]:
                    run_pipe([spec["source"]], [spec["source_label"]], None, sink, env, cwd)
                else:
                    shutil.copyfileobj(sys.stdin.buffer, sink)
            size = os.path.getsize(path)
            step = max(1 << 16, min(RANGE_TARGET, size // max(1, workers * 4) + 1))
            ranges, start = [], 0
            with open(path, "rb") as handle:
                while start < size:
                    handle.seek(min(size, start + step))
                    handle.readline()  # to the end of the line the step landed in
                    end = min(size, handle.tell()) if start + step < size else size
                    ranges.append(("range", (start, end)))
                    start = end
            return ranges


        def start_spark(spec):
            folder = spec["folder"]
            if spec["master"].startswith("local"):
                os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # local[N] stays on loopback
            # Spark's own log lines go to a file in the job folder, never to stderr, which keeps
            # the stages' messages.
            log_config = os.path.join(folder, "log4j2.properties")
            with open(log_config, "w", encoding="utf-8") as handle:
                handle.write("rootLogger.level = warn\nrootLogger.appenderRef.file.ref = file\n"
                             "appender.file.type = File\nappender.file.name = file\n"
                             f"appender.file.fileName = {os.path.join(folder, 'spark.log')}\n"
                             "appender.file.layout.type = PatternLayout\n"
                             "appender.file.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n\n")
            java_options = f"-Dlog4j2.configurationFile=file:{log_config} -Dlog4j.configurationFile=file:{log_config}"
            driver_options = java_options
            if spec["master"].startswith("local"):
                # The one JVM is driver and executors and lives for one run: the C1 compiler only
                # and the serial collector cost a third less CPU to start and half as much after.
                driver_options += " " + LOCAL_JVM_OPTIONS
            os.environ["PYSPARK_SUBMIT_ARGS"] = f'--driver-java-options "{driver_options}" pyspark-shell'
            from pyspark import SparkConf, SparkContext

            conf = (SparkConf().setMaster(spec["master"]).setAppName(spec["app"])
                    .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                    .set("spark.executor.extraJavaOptions", java_options)
                    .set("spark.python.worker.reuse", "true"))
            for key, value in spec["conf"].items():
                conf.set(key, value)
            context = SparkContext(conf=conf)
            context.setLogLevel("ERROR")
            return context


        def merge(spec, count):
            """Hands the partials (or the records) to the driver's stages, in partition order. The
            report stages run at once, each fed every partial; as in the local run, only the last
            one's standard output is the run's (a report before it is a tap)."""
            kind = "partial" if spec["partial"] else "part"
            paths = [os.path.join(spec["shared"], f"{kind}-{index:05d}.ndjson") for index in range(count)]
            paths = [path for path in paths if os.path.exists(path)]
            if not spec["reports"]:
                for path in paths:
                    with open(path, "rb") as handle:
                        shutil.copyfileobj(handle, sys.stdout.buffer, 1 << 16)
                sys.stdout.buffer.flush()
                return
            env, cwd = spec["environment"], spec["cwd"] or None
            last = len(spec["reports"]) - 1
            procs = [subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=None if i == last else subprocess.DEVNULL,
                                      env=env, cwd=cwd)
                     for i, argv in enumerate(spec["reports"])]
            open_sinks = [proc.stdin for proc in procs]
            for path in paths:
                with open(path, "rb") as handle:
                    while open_sinks:
                        chunk = handle.read(1 << 16)
                        if not chunk:
                            break
                        for sink in list(open_sinks):
                            try:
                                sink.write(chunk)
                            except BrokenPipeError:  # that report ended early; its status says why
                                open_sinks.remove(sink)
            for proc in procs:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass
            for label, proc in zip(spec["report_labels"], procs):
                check_status(label, proc.wait())


        def main():
            with open(sys.argv[1], encoding="utf-8") as handle:
                spec = json.load(handle)
            check_runtime()
            os.makedirs(spec["shared"], exist_ok=True)
            workers = max(1, int(spec["partitions"]))
            slices = split_sources(spec, workers)
            partitions = max(1, min(workers, len(slices)))
            started = time.monotonic()
            context = None
            try:
                if slices:
                    context = start_spark(spec)
                    # Part of starting: the executors' Python workers, one per task slot.
                    context.parallelize(range(partitions), partitions).map(lambda x: x).count()
                ready = time.monotonic()
                jvm_ready = jvm_seconds(context)
                done = []
                if slices:
                    # Each task returns (index, bytes written, CPU seconds): all the driver collects.
                    done = (context.parallelize(slices, partitions)
                            .mapPartitionsWithIndex(make_task(spec)).collect())
                worked = time.monotonic()
                before_merge = os.times()
                merge(spec, max((index for index, _, _ in done), default=-1) + 1)
                merged = time.monotonic()
                after_merge = os.times()
                jvm_done = jvm_seconds(context)
            finally:
                if context is not None:
                    context.stop()
            if os.environ.get("GLEANER_SPARK_TIMINGS"):
                merge_cpu = sum(after_merge[i] - before_merge[i] for i in (2, 3))
                jvm = f", the driver's JVM {jvm_done - jvm_ready:.2f}" if jvm_ready is not None and jvm_done is not None else ""
                print(f"gleaner spark: {len(slices)} slices in {partitions} partitions; Spark started in "
                      f"{ready - started:.1f} s, the work after it took {merged - ready:.1f} s "
                      f"(tasks {worked - ready:.1f} s, merging {merged - worked:.1f} s), stopping Spark "
                      f"{time.monotonic() - merged:.1f} s; CPU after the start: stages "
                      f"{sum(seconds for _, _, seconds in done):.2f} s, merging {merge_cpu:.2f}{jvm}", file=sys.stderr)


        def jvm_seconds(context):
            """CPU seconds the driver's JVM has used (a local master runs the executors in it), or
            None where /proc does not tell."""
            try:
                fields = open(f"/proc/{context._gateway.proc.pid}/stat").read().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            except (AttributeError, OSError, ValueError, IndexError):
                return None


        def stage_line(message):
            found = [line for line in message.splitlines() if "RuntimeError: stage " in line]
            if found:
                return found[0][found[0].index("RuntimeError: ") + len("RuntimeError: "):]
            lines = [line for line in message.strip().splitlines() if line.strip()]
            return lines[0] if lines else "failed"


        if __name__ == "__main__":
            try:
                main()
            except SystemExit:
                raise
            except BrokenPipeError:
                sys.exit(0)
            except Exception as error:  # Spark wraps executor errors; keep the stage's own line
                line = stage_line(str(error)) if str(error) else type(error).__name__
                status = line.rsplit("exit status ", 1)[-1] if "exit status " in line else ""
                fail(line, int(status) if status.isdigit() and 0 < int(status) < 126 else 1)
        """#
}

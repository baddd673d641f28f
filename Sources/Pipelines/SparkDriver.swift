/// The PySpark driver `gleaner run --engine spark` starts (kept here so the executable needs no
/// resource files).
enum SparkDriver {
    static let script = #"""
        """Gleaner on Apache Spark: partitions of records go through the filter stages as pipes of
        processes on the executors; `report --partial` aggregates each partition and
        `report --merge` combines them on the driver. Written by `gleaner run --engine spark`."""
        import json
        import os
        import subprocess
        import sys
        import threading


        def pipe(argvs, labels, data):
            """Feeds bytes through processes joined by OS pipes; returns the last one's output."""
            if not argvs:
                return data
            procs = []
            for i, argv in enumerate(argvs):
                stdin = subprocess.PIPE if i == 0 else procs[-1].stdout
                proc = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE)
                if i > 0:
                    procs[-1].stdout.close()
                procs.append(proc)

            def feed():
                try:
                    procs[0].stdin.write(data)
                except BrokenPipeError:
                    pass
                finally:
                    try:
                        procs[0].stdin.close()
                    except BrokenPipeError:
                        pass

            feeder = threading.Thread(target=feed)
            feeder.start()
            output = procs[-1].stdout.read()
            feeder.join()
            for label, proc in zip(labels, procs):
                status = proc.wait()
                if status < 0 and status != -13:  # SIGPIPE after a reader finished is not a failure
                    raise RuntimeError(f"stage '{label}' was killed by signal {-status}")
                if status > 0:
                    raise RuntimeError(f"stage '{label}' failed with exit status {status}")
            return output


        def lines(data):
            return [line for line in data.split(b"\n") if line.strip()]


        def main():
            with open(sys.argv[1], encoding="utf-8") as handle:
                spec = json.load(handle)
            if spec["master"].startswith("local"):
                os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # local[N] stays on loopback
            # Spark's own logging goes to errors only, so stderr keeps the stages' messages.
            log_config = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "log4j2.properties")
            with open(log_config, "w", encoding="utf-8") as handle:
                handle.write("rootLogger.level = error\nrootLogger.appenderRef.stderr.ref = console\n"
                             "appender.console.type = Console\nappender.console.name = console\n"
                             "appender.console.target = SYSTEM_ERR\nappender.console.layout.type = PatternLayout\n"
                             "appender.console.layout.pattern = spark: %m%n\n")
            os.environ.setdefault("PYSPARK_SUBMIT_ARGS",
                                  f"--driver-java-options -Dlog4j2.configurationFile=file:{log_config} pyspark-shell")
            from pyspark.sql import SparkSession

            spark = (SparkSession.builder.master(spec["master"]).appName(spec["app"])
                     .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                     .getOrCreate())
            spark.sparkContext.setLogLevel("OFF")
            if spec["source"]:
                source = subprocess.run(spec["source"], stdout=subprocess.PIPE, check=True).stdout
            else:
                source = sys.stdin.buffer.read()
            records = lines(source)
            chain = spec["stages"] + ([spec["partial"]] if spec["partial"] else [])
            labels = spec["labels"] + (["report --partial"] if spec["partial"] else [])

            def run_partition(partition):
                data = b"".join(record + b"\n" for record in partition)
                return lines(pipe(chain, labels, data)) if data else []

            partitions = max(1, min(int(spec["partitions"]), len(records)))
            results = spark.sparkContext.parallelize(records, partitions).mapPartitions(run_partition).collect()
            spark.stop()
            data = b"".join(line + b"\n" for line in results)
            if spec["reports"]:
                for argv in spec["reports"]:
                    subprocess.run(argv, input=data, check=True)
            else:
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()


        if __name__ == "__main__":
            try:
                main()
            except subprocess.CalledProcessError as error:
                name = os.path.basename(str(error.cmd[0]))
                print(f"gleaner spark: stage '{name}' failed with exit status {error.returncode}", file=sys.stderr)
                sys.exit(error.returncode if 0 < error.returncode < 126 else 1)
            except Exception as error:  # Spark wraps executor errors; keep the stage's own line
                message = str(error)
                found = [line for line in message.splitlines() if line.startswith("RuntimeError: stage ")]
                first = message.strip().splitlines()[0] if message.strip() else type(error).__name__
                line = found[0][len("RuntimeError: "):] if found else first
                print("gleaner spark: " + line, file=sys.stderr)
                status = line.rsplit("exit status ", 1)[-1] if "exit status " in line else ""
                sys.exit(int(status) if status.isdigit() and 0 < int(status) < 126 else 1)
        """#
}

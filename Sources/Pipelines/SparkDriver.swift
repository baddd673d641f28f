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


        def pipe(argvs, data):
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
            for argv, proc in zip(argvs, procs):
                status = proc.wait()
                if status != 0 and status != -13:  # SIGPIPE after a reader finished is not a failure
                    name = os.path.basename(argv[0])
                    raise RuntimeError(f"stage '{name}' failed with exit status {status}")
            return output


        def lines(data):
            return [line for line in data.split(b"\n") if line.strip()]


        def main():
            with open(sys.argv[1], encoding="utf-8") as handle:
                spec = json.load(handle)
            from pyspark.sql import SparkSession

            spark = (SparkSession.builder.master(spec["master"]).appName(spec["app"])
                     .config("spark.ui.enabled", "false").getOrCreate())
            spark.sparkContext.setLogLevel("ERROR")
            if spec["source"]:
                source = subprocess.run(spec["source"], stdout=subprocess.PIPE, check=True).stdout
            else:
                source = sys.stdin.buffer.read()
            records = lines(source)
            chain = spec["stages"] + ([spec["partial"]] if spec["partial"] else [])

            def run_partition(partition):
                data = b"".join(record + b"\n" for record in partition)
                return lines(pipe(chain, data)) if data else []

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
                sys.exit(f"gleaner spark: stage '{name}' failed with exit status {error.returncode}")
            except Exception as error:  # Spark wraps executor errors; keep the first useful line
                message = str(error)
                found = [line for line in message.splitlines() if "failed with exit status" in line]
                sys.exit("gleaner spark: " + (found[0].split("RuntimeError: ")[-1] if found else message.splitlines()[0]))
        """#
}

import Foundation
import Testing
import TestSupport

/// `gleaner run --engine spark` with the real stages on Spark local[2] gives the Unix pipe's
/// records and reports. Runs when a python with pyspark is found (`GLEANER_PYTHON`, else
/// `.venv/bin/python`); under CI (`CI=true`) a missing pyspark fails the suite instead of
/// skipping it, so the engine is checked on every submission.
@Suite("spark engine end to end", .serialized)
struct SparkEngineTests {
    /// The python that has pyspark, or nil.
    static let python: String? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates = [Executables.packageRoot.appendingPathComponent(".venv/bin/python").path]
        if let python = environment["GLEANER_PYTHON"], !python.isEmpty { candidates.insert(python, at: 0) }
        return candidates.first { python in
            FileManager.default.isExecutableFile(atPath: python)
                && (try? Executables.run(python, ["-c", "import pyspark"]))?.status == 0
        }
    }()

    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether to run: pyspark is there, or this is CI (where its absence is a failure).
    static let enabled = python != nil || inCI

    func requirePython() throws -> String {
        guard let python = Self.python else {
            Issue.record("CI=true but no python with pyspark: set GLEANER_PYTHON (.ci/run installs it)")
            throw SparkUnavailable()
        }
        return python
    }

    struct SparkUnavailable: Error {}

    /// `gleaner` with `GLEANER_PYTHON` set, in `folder`.
    func gleaner(_ arguments: [String], in folder: URL, python: String) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["GLEANER_PYTHON"] = python
        return try Executables.run("gleaner", arguments, directory: folder, environment: environment)
    }

    /// A pipeline over `inputs` whose reports go to `out/<name>.md` and `out/<name>.json`.
    func pipeline(inputs: String) -> String {
        """
        name: spark-check
        stages:
          - fetch: { paths: ["\(inputs)"], fetched-at: "2023-12-07T00:00:00Z" }
          - clean
          - extract
          - normalize: { reference-date: "2023-12-07" }
          - report: { format: markdown, output: out/report.md }
          - report: { format: json, output: out/report.json }
        """
    }

    /// Runs the pipeline locally and on Spark; expects the same records and the same reports.
    func compare(inputs: String, in folder: URL, python: String, sparkOptions: [String] = []) throws -> Int {
        try pipeline(inputs: inputs).write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let localRecords = try gleaner(["run", "--until", "normalize", "p.yaml"], in: folder, python: python)
        #expect(localRecords.status == 0, "\(localRecords.stderr)")
        let sparkRecords = try gleaner(
            ["run", "--engine", "spark", "--workers", "2", "--until", "normalize"] + sparkOptions + ["p.yaml"], in: folder, python: python)
        #expect(sparkRecords.status == 0, "\(sparkRecords.stderr)")
        #expect(sparkRecords.stderr.isEmpty, "Spark's own log lines reached stderr: \(sparkRecords.stderr.prefix(500))")
        #expect(sparkRecords.stdout == localRecords.stdout)
        #expect(!localRecords.stdout.isEmpty)

        let local = try gleaner(["run", "p.yaml"], in: folder, python: python)
        #expect(local.status == 0, "\(local.stderr)")
        let reports = ["out/report.md", "out/report.json"].map { folder.appendingPathComponent($0) }
        let localReports = try reports.map { try Data(contentsOf: $0) }
        for report in reports { try FileManager.default.removeItem(at: report) }
        let spark = try gleaner(["run", "--engine", "spark", "--workers", "2"] + sparkOptions + ["p.yaml"], in: folder, python: python)
        #expect(spark.status == 0, "\(spark.stderr)")
        #expect(try reports.map { try Data(contentsOf: $0) } == localReports)
        return localRecords.stdout.count
    }

    func leftoverJobFolders() -> Set<String> {
        let temporary = FileManager.default.temporaryDirectory.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        return Set(names.filter { $0.hasPrefix("gleaner-spark-") })
    }

    @Test("local[2] on the seeds: the same records and reports as the Unix pipe; no job folder left", .enabled(if: enabled))
    func seeds() throws {
        let python = try requirePython()
        let before = leftoverJobFolders()
        let folder = TemporaryFiles.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeds = Executables.packageRoot.appendingPathComponent("seeds").path
        _ = try compare(inputs: seeds + "/*.txt", in: folder, python: python)
        #expect(leftoverJobFolders().subtracting(before).isEmpty)
    }

    @Test(
        "local[2] on 2,000 documents: the same records and reports, with a driver result limit smaller than the records",
        .enabled(if: enabled))
    func twoThousandDocuments() throws {
        let python = try requirePython()
        let folder = TemporaryFiles.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = folder.appendingPathComponent("docs")
        try GeneratedNews.write(count: 2000, into: documents)
        // Spark refuses to bring more than 1 MiB of results to the driver: collecting the
        // records (or the partials) there would fail the job.
        let bytes = try compare(
            inputs: documents.path, in: folder, python: python, sparkOptions: ["--conf", "spark.driver.maxResultSize=1m"])
        #expect(bytes > 2 << 20, "the corpus must be larger than the driver's limit")
    }

    @Test("local[2] with --follow-feeds over two feeds that share articles: each article written once, as the Unix pipe does", .enabled(if: enabled))
    func overlappingFeeds() throws {
        let python = try requirePython()
        let folder = TemporaryFiles.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try GeneratedNews.write(count: 6, into: site)
        let server = try LoopbackFolderServer(serving: site)
        defer { server.stop() }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("feeds"), withIntermediateDirectories: true)
        // Two local feed files: two sources, so two slices if fetch were split; articles 2 and 3 are in both.
        for (name, pages) in [("a.rss", 0...3), ("b.rss", 2...5)] {
            let items = pages.map { "<item><link>\(server.url(String(format: "%05d.txt", $0)))</link></item>" }.joined()
            try "<rss version=\"2.0\"><channel><title>t</title>\(items)</channel></rss>".write(
                to: folder.appendingPathComponent("feeds/\(name)"), atomically: false, encoding: .utf8)
        }
        try """
            name: spark-feeds
            stages:
              - fetch: { paths: [feeds], fetched-at: "2023-12-07T00:00:00Z", follow-feeds: true }
              - clean
            """.write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let local = try gleaner(["run", "p.yaml"], in: folder, python: python)
        #expect(local.status == 0, "\(local.stderr)")
        #expect(local.output.split(separator: "\n").count == 6)
        let spark = try gleaner(["run", "--engine", "spark", "--workers", "2", "p.yaml"], in: folder, python: python)
        #expect(spark.status == 0, "\(spark.stderr)")
        #expect(spark.stdout == local.stdout)
    }

    @Test("a cluster master without --shared-folder is refused before anything starts")
    func clusterNeedsSharedFolder() throws {
        let folder = TemporaryFiles.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try pipeline(inputs: "x.txt").write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let run = try Executables.run("gleaner", ["run", "--engine", "spark", "--master", "spark://h:7077", "p.yaml"], directory: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--shared-folder") && run.stderr.contains("spark://h:7077"), "\(run.stderr)")
    }

    @Test("without pyspark, or without Java, one line says what to install and names GLEANER_PYTHON", .enabled(if: enabled))
    func missingRuntime() throws {
        let python = try requirePython()
        let folder = TemporaryFiles.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try pipeline(inputs: "x.txt").write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        // A python without pyspark: the venv's own interpreter with site-packages hidden.
        let bare = folder.appendingPathComponent("bare-python").path
        try "#!/bin/sh\nexec '\(python)' -I -S \"$@\"\n".write(toFile: bare, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bare)
        let noSpark = try gleaner(["run", "--engine", "spark", "p.yaml"], in: folder, python: bare)
        #expect(noSpark.status == 69)
        let lines = noSpark.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(noSpark.stderr)")
        #expect(noSpark.stderr.contains("pyspark") && noSpark.stderr.contains("GLEANER_PYTHON"))

        var environment = ProcessInfo.processInfo.environment
        environment["GLEANER_PYTHON"] = python
        environment["PATH"] = "/nonexistent"
        environment["JAVA_HOME"] = nil
        let noJava = try Executables.run("gleaner", ["run", "--engine", "spark", "p.yaml"], directory: folder, environment: environment)
        #expect(noJava.status == 69)
        #expect(noJava.stderr.split(separator: "\n").count == 1, "\(noJava.stderr)")
        #expect(noJava.stderr.contains("Java") && noJava.stderr.contains("default-jre-headless"))
        #expect(noJava.stderr.contains("GLEANER_PYTHON=\(python)"))
    }
}

/// Made-up news articles, deterministic, for runs that need many documents.
enum GeneratedNews {
    static let people = ["Maria Lopez", "Ahmed Karimi", "Jonas Berg", "Olena Shevchenko", "Pedro Silva", "Amara Okafor"]
    static let organizations = ["the World Health Organization", "the European Central Bank", "the United Nations", "the World Bank"]
    static let places = ["Kyiv", "Berlin", "Nairobi", "Lima", "Baku", "Odesa", "Jakarta"]
    static let currencies = ["dollars", "euros", "pounds"]
    static let months = ["January", "March", "May", "July", "September", "November"]

    /// Writes `count` articles as `<folder>/NNNNN.txt`.
    static func write(count: Int, into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var state: UInt64 = 20231207
        func pick<T>(_ list: [T]) -> T {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return list[Int((state >> 33) % UInt64(list.count))]
        }
        for index in 0..<count {
            let person = pick(people), organization = pick(organizations), place = pick(places)
            let amount = pick([1.5, 2, 2.5, 4, 12, 40, 90]), currency = pick(currencies)
            let text = """
                \(pick(months)) \(1 + index % 28), 2023

                \(person) of \(organization) said on Tuesday that \(amount) million \(currency) would go to \(place). \
                About \(100 + index % 900) families in \(place) are expected to benefit, according to officials. \
                The plan was first announced in \(pick(months)) and will be reviewed at the end of the year. \
                Critics in \(pick(places)) argued that the measures came too late, while \(pick(people)) welcomed them.
                """
            try text.write(to: folder.appendingPathComponent(String(format: "%05d.txt", index)), atomically: false, encoding: .utf8)
        }
    }
}

/// `python3 -m http.server` on 127.0.0.1 serving a folder, for feeds whose articles are URLs.
/// Stopped by ``stop()`` (the test's `defer`).
final class LoopbackFolderServer: @unchecked Sendable {
    let port: Int
    private let process: Process

    struct NotStarted: Error, CustomStringConvertible {
        var description: String
    }

    init(serving folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Port 0: the kernel picks a free one, which the server's first line names.
        process.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let line = stdout.firstLine()
        let words = line.split(separator: " ")
        guard let index = words.firstIndex(of: "port"), index + 1 < words.count, let port = Int(words[index + 1]) else {
            kill(process.processIdentifier, SIGKILL)
            throw NotStarted(description: "http.server did not start: '\(line)'")
        }
        self.port = port
        self.process = process
    }

    /// `http://127.0.0.1:<port>/<path>`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    /// SIGKILL: a process Foundation starts can inherit a mask that blocks SIGTERM.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

import Foundation
import GleanerCore
import Reporting
import TestSupport
import Testing

/// Headless Chromium, when installed (Debian package `chromium`).
enum Chromium {
    static let path: String? = {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let missing = "chromium is not installed, so the HTML report is not rendered (apt-get install -y chromium)"

    /// Runs chromium headless on a page with `arguments`, returning its standard output; killed after two minutes.
    static func run(_ arguments: [String], page: URL, profile: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(profile.path)",
        ] + arguments + [page.absoluteString]
        // Standard output goes to a file: a pipe could fill up while we wait.
        let outputPath = profile.deletingLastPathComponent().appendingPathComponent("chromium-\(UUID().uuidString).out")
        try Data().write(to: outputPath)
        let handle = try FileHandle(forWritingTo: outputPath)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: outputPath, encoding: .utf8)) ?? "")
    }
}

@Suite("The seeds' HTML report in a real browser")
struct ChromiumRenderTests {
    @Test("headless Chromium renders the report with its charts and runs its script", .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.missing)))
    func rendersWithCharts() throws {
        let folder = TemporaryFiles.folder()
        let page = folder.appendingPathComponent("seeds.html")
        try Data(HTMLWriter(title: "Seeds").render(Fixtures.report(Fixtures.seedRecords)).utf8).write(to: page)
        let profile = folder.appendingPathComponent("profile")

        // The DOM after scripts ran: the inline script (allowed by its CSP hash) marks the page and adds filter boxes.
        let dom = try Chromium.run(["--dump-dom"], page: page, profile: profile)
        #expect(dom.status == 0)
        #expect(dom.output.contains("<html lang=\"en\" class=\"js\">"))
        #expect(dom.output.components(separatedBy: "class=\"filter\"").count - 1 >= 8)
        #expect(dom.output.contains("aria-label=\"timeline of dated facts\""))
        #expect(dom.output.components(separatedBy: "aria-label=\"bar chart\"").count - 1 == 4)

        let screenshot = folder.appendingPathComponent("seeds.png")
        let shot = try Chromium.run(["--window-size=1024,1100", "--screenshot=\(screenshot.path)"], page: page, profile: profile)
        #expect(shot.status == 0)
        let stats = try PNGStats.measure(screenshot)
        #expect(stats["width"] == 1024)
        // Not blank: a good part of the page is drawn, in many colours.
        #expect((stats["non_white"]?.numberValue ?? 0) > 0.05)
        #expect((stats["colours"]?.numberValue ?? 0) > 50)
        // The charts: the bars are solid blocks of the accent colour (links alone are a few hundred pixels).
        #expect((stats["accent"]?.numberValue ?? 0) > 5000)
    }
}

/// Pixel statistics of a PNG, measured by Tests/Fixtures/report/png-stats.py (standard-library Python).
enum PNGStats {
    static func measure(_ png: URL) throws -> JSONObject {
        let script = Fixtures.folder.appendingPathComponent("png-stats.py").path
        let result = try Executables.run("/usr/bin/env", ["python3", script, png.path, "47,111,176"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONCodec.parse(result.output).objectValue ?? JSONObject()
    }
}

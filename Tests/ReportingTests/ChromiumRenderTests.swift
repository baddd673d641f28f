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
        // Organisations, places and money; the people all have one mention, so no bars of equal length.
        #expect(dom.output.components(separatedBy: "aria-label=\"bar chart\"").count - 1 == 3)

        // The layout as drawn: numbers right-aligned under their headers, no two bars with the same label.
        let checked = folder.appendingPathComponent("seeds-layout.html")
        let html = HTMLWriter(title: "Seeds").render(Fixtures.report(Fixtures.seedRecords))
            .replacingOccurrences(of: "<meta http-equiv=\"Content-Security-Policy\"", with: "<meta name=\"csp-off-for-layout-check\"")
            .replacingOccurrences(of: "</body>", with: "<script>\(LayoutCheck.script)</script></body>")
        try Data(html.utf8).write(to: checked)
        let layout = try Chromium.run(["--dump-dom"], page: checked, profile: profile)
        let result = try LayoutCheck.result(in: layout.output)
        #expect((result["numbers"]?.numberValue ?? 0) > 20, "the check saw the number cells")
        #expect(result["misaligned"] == .array([]))
        #expect((result["labels"]?.numberValue ?? 0) >= 10, "the check saw the bar labels")
        #expect(result["duplicates"] == .array([]))
        #expect(result["clipped"] == .array([]))

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

/// A script that measures the drawn report and leaves what it found in `<pre id="layout-check">`.
enum LayoutCheck {
    static let script = """
        (function () {
          var out = { numbers: 0, misaligned: [], labels: 0, duplicates: [], clipped: [] };
          function right(node) { var r = document.createRange(); r.selectNodeContents(node); return r.getBoundingClientRect().right; }
          document.querySelectorAll('table.data').forEach(function (table) {
            var headers = table.querySelectorAll('thead th');
            table.querySelectorAll('tbody tr').forEach(function (row) {
              Array.prototype.forEach.call(row.children, function (cell, column) {
                if (!cell.classList.contains('num') || !headers[column]) { return; }
                out.numbers += 1;
                if (Math.abs(right(cell) - right(headers[column])) > 2) { out.misaligned.push(headers[column].textContent + ': ' + cell.textContent); }
              });
            });
          });
          document.querySelectorAll('svg[aria-label="bar chart"]').forEach(function (svg) {
            var seen = {};
            svg.querySelectorAll('text[text-anchor="end"]').forEach(function (label) {
              if (getComputedStyle(label).display === 'none') { return; }
              out.labels += 1;
              var text = label.textContent;
              if (seen[text]) { out.duplicates.push(text); }
              seen[text] = true;
              if (label.getBBox().x < 0) { out.clipped.push(text); }
            });
          });
          var pre = document.createElement('pre');
          pre.id = 'layout-check';
          pre.textContent = JSON.stringify(out);
          document.body.appendChild(pre);
        })();
        """

    static func result(in dom: String) throws -> JSONObject {
        guard let start = dom.range(of: "<pre id=\"layout-check\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else { return [:] }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        return try JSONCodec.parse(json).objectValue ?? [:]
    }
}

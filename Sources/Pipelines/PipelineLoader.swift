import Foundation
import GleanerCore
import Yams

/// Reads a pipeline file into a ``Pipeline``, checking it against ``StageCatalog`` and
/// reporting every problem with its line and column.
public struct PipelineLoader: Sendable {
    /// The environment `${VAR:-default}` references expand from.
    public var expansion: EnvironmentExpansion
    /// Accept tests that check nothing yet (`expect: []`), for `gleaner test --update` to fill in.
    public var allowsUncheckedTests = false

    /// Creates a loader.
    /// - Parameter environment: variables for `${VAR}` references, usually the process environment.
    public init(environment: [String: String]) {
        expansion = EnvironmentExpansion(environment: environment)
    }

    static let topLevelKeys = ["name", "description", "on_error", "dead_letter", "jobs", "timeout", "stages", "tests"]
    static let testKeys = ["name", "input", "until", "records", "fields", "expect", "expect_not"]

    /// Loads a pipeline file from disk.
    /// - Parameter path: the file, as the user named it (used in diagnostics).
    /// - Throws: ``PipelineDiagnostics`` with every problem found, or one saying the file cannot be read.
    public func load(contentsOf path: String) throws(PipelineDiagnostics) -> Pipeline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineDiagnostics([Diagnostic(
                file: path, location: SourceLocation(line: 1, column: 1), message: "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineDiagnostics([Diagnostic(
                file: path, location: SourceLocation(line: 1, column: 1), message: "the file is not UTF-8")])
        }
        return try load(yaml: text, file: path)
    }

    /// Loads a pipeline from YAML text.
    /// - Parameters:
    ///   - yaml: the file's contents.
    ///   - file: the name used in diagnostics and for the default pipeline name.
    /// - Throws: ``PipelineDiagnostics`` with every problem found.
    public func load(yaml: String, file: String) throws(PipelineDiagnostics) -> Pipeline {
        let collector = DiagnosticCollector(file: file, expansion: expansion)
        let pipeline = read(yaml: yaml, collector: collector)
        if let pipeline, collector.diagnostics.isEmpty { return pipeline }
        throw PipelineDiagnostics(collector.diagnostics)
    }

    /// Every problem in a pipeline's YAML text, sorted by position; empty when it is valid.
    public func diagnose(yaml: String, file: String) -> [Diagnostic] {
        do {
            _ = try load(yaml: yaml, file: file)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Whether `node`, with every alias expanded, has at most `budget` nodes; stops counting
    /// as soon as it has more, so the check itself stays small.
    static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let sequence):
            for element in sequence where !fits(element, budget: &budget) { return false }
            return true
        case .mapping(let mapping):
            for (key, value) in mapping where !fits(key, budget: &budget) || !fits(value, budget: &budget) { return false }
            return true
        }
    }

    /// Seconds from "90", "30s", "5m" or "2h" (more than 0, at most a week); nil otherwise.
    public static func duration(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        var digits = Substring(text.trimmingCharacters(in: .whitespaces)), unit = 1.0
        if let last = digits.last, let scale = units[last] {
            unit = scale
            digits = digits.dropLast()
        }
        guard let number = Double(digits), number.isFinite, number > 0, number * unit <= 604_800 else { return nil }
        return number * unit
    }

    /// C0 and C1 controls, and the bidirectional overrides and isolates (which reorder what a terminal shows).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    // MARK: - Reading

    /// The largest pipeline file read, in bytes.
    public static let maximumFileSize = 1 << 20
    /// The most nodes a pipeline may have once its aliases are expanded (a "billion laughs"
    /// file of 1 KB would otherwise expand to gigabytes as it is checked).
    public static let maximumNodes = 100_000

    private func read(yaml: String, collector: DiagnosticCollector) -> Pipeline? {
        guard yaml.utf8.count <= Self.maximumFileSize else {
            collector.report(
                "the file is \(yaml.utf8.count) bytes; a pipeline may have at most \(Self.maximumFileSize)",
                at: SourceLocation(line: 1, column: 1))
            return nil
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let (location, message) = Self.describe(error, yaml: yaml)
            collector.report(message, at: location)
            return nil
        }
        if let root {
            var budget = Self.maximumNodes
            guard Self.fits(root, budget: &budget) else {
                collector.report(
                    "the file expands to more than \(Self.maximumNodes) values (aliases of aliases?); a pipeline may have at most that many",
                    at: root)
                return nil
            }
        }
        guard let root else {
            collector.report("the file is empty; a pipeline needs 'stages'", at: SourceLocation(line: 1, column: 1))
            return nil
        }
        guard case .mapping(let mapping) = root else {
            collector.report("a pipeline must be a mapping with 'stages', found \(collector.phrase(root))", at: root)
            return nil
        }
        let defaultName = URL(fileURLWithPath: collector.file).deletingPathExtension().lastPathComponent
        var pipeline = Pipeline(file: collector.file, name: defaultName, stages: [])
        var stagesNode: Node?
        var onErrorNode: Node?
        var deadLetterNode: Node?
        for (key, value) in mapping {
            guard let name = collector.scalar(key, expanding: false)?.text else {
                collector.report("a key must be a name, found \(collector.phrase(key))", at: key)
                continue
            }
            switch name {
            case "name":
                if let text = collector.string(value, what: "'name'") {
                    if let bad = text.unicodeScalars.first(where: Self.isControl) {
                        collector.report("'name' must not contain control characters, found U+\(String(bad.value, radix: 16, uppercase: true))", at: value)
                    }
                    pipeline.name = text
                }
            case "timeout":
                if let text = collector.string(value, what: "'timeout'") {
                    if let seconds = Self.duration(text) {
                        pipeline.timeout = seconds
                    } else {
                        collector.report("'timeout' must be a duration such as 90, 30s, 5m or 2h, found '\(text)'", at: value)
                    }
                }
            case "description":
                pipeline.summary = collector.string(value, what: "'description'")
            case "on_error":
                onErrorNode = value
                if let text = collector.string(value, what: "'on_error'") {
                    if let policy = PipelineErrorPolicy(rawValue: text) {
                        pipeline.onError = policy
                    } else {
                        let words = PipelineErrorPolicy.allCases.map(\.rawValue)
                        collector.report(
                            "'on_error' must be one of \(words.map { "'\($0)'" }.joined(separator: ", ")), "
                                + "found '\(text)'" + Suggestion.hint(for: text, among: words),
                            at: value)
                    }
                }
            case "dead_letter":
                deadLetterNode = value
                pipeline.deadLetter = collector.string(value, what: "'dead_letter'")
            case "jobs":
                if let reading = collector.scalar(value), reading.kind == .integer, let jobs = Int(reading.text), jobs > 0 {
                    pipeline.jobs = jobs
                } else if case .scalar = value, collector.scalar(value) == nil {
                    // a bad ${...} reference, already reported
                } else {
                    collector.report("'jobs' must be a whole number of at least 1, found \(collector.phrase(value))", at: value)
                }
            case "stages":
                stagesNode = value
                pipeline.stages = readStages(value, collector: collector)
            case "tests":
                pipeline.tests = readTests(value, collector: collector)
            default:
                collector.report(
                    "unknown key '\(name)'" + Suggestion.hint(for: name, among: Self.topLevelKeys), at: key)
            }
        }
        if let stagesNode {
            checkStageOrder(pipeline.stages, stagesNode: stagesNode, collector: collector)
        } else {
            collector.report("missing 'stages': a pipeline needs at least one stage", at: root)
        }
        if pipeline.onError == .deadLetter, pipeline.deadLetter == nil, deadLetterNode == nil {
            collector.report("on_error 'dead-letter' needs a 'dead_letter' file", at: onErrorNode ?? root)
        }
        if let deadLetterNode, pipeline.onError != .deadLetter {
            collector.report(
                "'dead_letter' is set but on_error is '\(pipeline.onError.rawValue)'; write on_error: dead-letter",
                at: deadLetterNode)
        }
        checkTests(pipeline, collector: collector)
        return pipeline
    }

    private func readStages(_ node: Node, collector: DiagnosticCollector) -> [PipelineStage] {
        guard case .sequence(let sequence) = node else {
            collector.report("'stages' must be a list, found \(collector.phrase(node))", at: node)
            return []
        }
        if sequence.isEmpty { collector.report("'stages' is empty: a pipeline needs at least one stage", at: node) }
        return sequence.compactMap { readStage($0, collector: collector) }
    }

    private func readStage(_ node: Node, collector: DiagnosticCollector) -> PipelineStage? {
        switch node {
        case .scalar:
            guard let name = collector.string(node, what: "a stage") else { return nil }
            return stage(named: name, nameNode: node, optionsNode: nil, collector: collector)
        case .mapping(let mapping):
            guard let (key, value) = mapping.first else {
                collector.report("empty stage: write a stage name", at: node)
                return nil
            }
            for (extra, _) in mapping.dropFirst() {
                let extraName = collector.scalar(extra, expanding: false)?.text ?? "?"
                collector.report(
                    "unexpected key '\(extraName)' beside stage '\(collector.scalar(key, expanding: false)?.text ?? "?")'"
                        + " (indent a stage's options under its name)",
                    at: extra)
            }
            guard let name = collector.string(key, what: "a stage name") else { return nil }
            return stage(named: name, nameNode: key, optionsNode: value, collector: collector)
        case .sequence, .alias:
            collector.report(
                "a stage is a name, a {stage: {options}} mapping or run: [program, args...], found \(node.shapePhrase)",
                at: node)
            return nil
        }
    }

    private func stage(named name: String, nameNode: Node, optionsNode: Node?, collector: DiagnosticCollector) -> PipelineStage? {
        let location = nameNode.location
        if name == "run" {
            guard let optionsNode, case .sequence(let sequence) = optionsNode, !sequence.isEmpty else {
                let found = optionsNode.map { collector.phrase($0) } ?? "nothing"
                collector.report("'run' takes a list of arguments, program first, found \(found)", at: optionsNode ?? nameNode)
                return nil
            }
            var argv: [String] = []
            for item in sequence {
                guard case .scalar = item else {
                    collector.report("an argument of 'run' must be a string, found \(item.shapePhrase)", at: item)
                    continue
                }
                if let text = collector.string(item, what: "an argument of 'run'") { argv.append(text) }
            }
            return PipelineStage(kind: .command(argv), location: location)
        }
        guard let description = StageCatalog.stage(named: name) else {
            collector.report(
                "unknown stage '\(name)'" + Suggestion.hint(for: name, among: StageCatalog.names + ["run"]),
                at: nameNode)
            return nil
        }
        var options: [StageOption] = []
        switch optionsNode {
        case nil:
            break
        case .mapping(let mapping)?:
            for (key, value) in mapping {
                guard let optionName = collector.string(key, what: "an option name") else { continue }
                let allowed = description.allOptions
                guard let type = allowed[optionName] else {
                    collector.report(
                        "unknown option '\(optionName)' for stage '\(name)'"
                            + Suggestion.hint(for: optionName, among: allowed.keys),
                        at: key)
                    continue
                }
                if let option = readOption(optionName, type: type, stage: name, value: value, collector: collector) {
                    options.append(option)
                }
            }
        case let node?:
            if case .scalar = node, collector.scalar(node, expanding: false)?.kind == .null { break }
            collector.report(
                "the options of stage '\(name)' must be a mapping, found \(collector.phrase(node))", at: node)
        }
        return PipelineStage(kind: .builtin(name), options: options, location: location)
    }

    private func readOption(
        _ name: String, type: OptionType, stage: String, value: Node, collector: DiagnosticCollector
    ) -> StageOption? {
        func wrongType() -> StageOption? {
            collector.report(
                "option '\(name)' of stage '\(stage)' takes \(type.phrase), found \(collector.phrase(value))", at: value)
            return nil
        }
        /// Whether the stage takes the expanded value; reports why not, quoting the reference it came from.
        /// An item of a comma list is only checked for emptiness; the joined list is checked whole.
        func checked(_ text: String, at node: Node, isItem: Bool = false) -> Bool {
            let problem = isItem && type == .commaList && !text.isEmpty
                ? nil : OptionRules.problem(option: name, stage: stage, value: text)
            guard let problem else { return true }
            let written = collector.scalar(node, expanding: false)?.text ?? text
            let origin = written != text ? " (from '\(written)')" : ""
            collector.report("option '\(name)' of stage '\(stage)' \(problem)\(origin)", at: node)
            return false
        }
        switch type {
        case .list, .commaList, .positional:
            if case .sequence(let sequence) = value {
                var items: [String] = []
                for item in sequence {
                    guard case .scalar = item else {
                        collector.report(
                            "option '\(name)' of stage '\(stage)' takes strings, found \(item.shapePhrase)", at: item)
                        continue
                    }
                    if let text = collector.string(item, what: "an item of '\(name)'") {
                        guard checked(text, at: item, isItem: true) else { continue }
                        items.append(text)
                    }
                }
                if type == .commaList, items.isEmpty, !sequence.isEmpty { return nil }
                if type == .commaList, let problem = OptionRules.problem(option: name, stage: stage, value: items.joined(separator: ",")) {
                    collector.report("option '\(name)' of stage '\(stage)' \(problem)", at: value)
                    return nil
                }
                return StageOption(name, .list(items))
            }
            guard case .scalar = value else { return wrongType() }
            guard let reading = collector.scalar(value) else { return nil }
            guard reading.kind != .null, reading.kind != .bool else { return wrongType() }
            guard checked(reading.text, at: value) else { return nil }
            return StageOption(name, .list([reading.text]))
        case .string, .integer, .number, .flag, .choice:
            guard case .scalar = value else { return wrongType() }
            guard let reading = collector.scalar(value) else { return nil }
            switch type {
            case .string:
                guard reading.kind != .null, reading.kind != .bool else { return wrongType() }
                guard checked(reading.text, at: value) else { return nil }
                return StageOption(name, .text(reading.text))
            case .integer:
                guard reading.kind == .integer else { return wrongType() }
                guard checked(reading.text, at: value) else { return nil }
                return StageOption(name, .text(reading.text))
            case .number:
                guard reading.kind == .integer || reading.kind == .float else { return wrongType() }
                guard checked(reading.text, at: value) else { return nil }
                return StageOption(name, .text(reading.text))
            case .flag:
                guard let flag = reading.boolValue else { return wrongType() }
                return StageOption(name, .flag(flag))
            case .choice(let words):
                guard reading.kind == .string, words.contains(reading.text) else {
                    collector.report(
                        "option '\(name)' of stage '\(stage)' takes \(type.phrase), found \(reading.phrase)"
                            + Suggestion.hint(for: reading.text, among: words),
                        at: value)
                    return nil
                }
                return StageOption(name, .text(reading.text))
            case .list, .commaList, .positional:
                return nil
            }
        }
    }

    /// Checks what only makes sense across stages: fetch first, reports that tee have a file.
    private func checkStageOrder(_ stages: [PipelineStage], stagesNode: Node, collector: DiagnosticCollector) {
        for (index, stage) in stages.enumerated() {
            if stage.builtinName == "fetch", index > 0 {
                collector.report("'fetch' must be the first stage: it reads no records", at: stage.location)
            }
            if stage.isReport, index < stages.count - 1, stage.option("output") == nil {
                collector.report(
                    "a 'report' stage that is not the last needs 'output': the records are copied to it "
                        + "and go on to the next stage",
                    at: stage.location)
            }
        }
    }

    // MARK: - Tests

    private func readTests(_ node: Node, collector: DiagnosticCollector) -> [PipelineTest] {
        guard case .sequence(let sequence) = node else {
            collector.report("'tests' must be a list, found \(collector.phrase(node))", at: node)
            return []
        }
        return sequence.compactMap { readTest($0, collector: collector) }
    }

    private func readTest(_ node: Node, collector: DiagnosticCollector) -> PipelineTest? {
        guard case .mapping(let mapping) = node else {
            collector.report("a test must be a mapping with 'name' and 'input', found \(collector.phrase(node))", at: node)
            return nil
        }
        var name: String?
        var input: String?
        var test = PipelineTest(name: "", input: "", location: node.location)
        for (key, value) in mapping {
            guard let keyName = collector.string(key, what: "a key") else { continue }
            switch keyName {
            case "name": name = collector.string(value, what: "'name'")
            case "input": input = collector.string(value, what: "'input'")
            case "until": test.until = collector.string(value, what: "'until'")
            case "records":
                if let reading = collector.scalar(value), reading.kind == .integer, let count = Int(reading.text) {
                    test.records = count
                    test.recordsLocation = value.location
                } else {
                    collector.report("'records' must be a whole number, found \(collector.phrase(value))", at: value)
                }
            case "fields":
                guard case .mapping(let fields) = value else {
                    collector.report("'fields' must be a mapping of record fields to values, found \(collector.phrase(value))", at: value)
                    continue
                }
                for (fieldKey, fieldValue) in fields {
                    if let field = collector.string(fieldKey, what: "a field name"), let json = collector.json(fieldValue) {
                        test.fields.append(FieldExpectation(field: field, value: json, location: fieldKey.location))
                    }
                }
            case "expect":
                test.expect = readExpectations(value, key: keyName, collector: collector)
                test.expectLocation = value.location
            case "expect_not": test.expectNot = readExpectations(value, key: keyName, collector: collector)
            default:
                collector.report("unknown key '\(keyName)' in a test" + Suggestion.hint(for: keyName, among: Self.testKeys), at: key)
            }
        }
        if name == nil { collector.report("a test needs a 'name'", at: node) }
        if input == nil { collector.report("a test needs an 'input' file", at: node) }
        guard let name, let input else { return nil }
        test.name = name
        test.input = input
        return test
    }

    private func readExpectations(_ node: Node, key: String, collector: DiagnosticCollector) -> [MentionExpectation] {
        // `expect_not:` with every item commented out is an empty list.
        if case .scalar = node, collector.scalar(node, expanding: false)?.kind == .null { return [] }
        guard case .sequence(let sequence) = node else {
            collector.report("'\(key)' must be a list of mentions, found \(collector.phrase(node))", at: node)
            return []
        }
        var expectations: [MentionExpectation] = []
        let kinds = MentionKind.allCases.map(\.rawValue)
        for item in sequence {
            guard case .mapping(let mapping) = item else {
                collector.report("a mention expectation must be a mapping like {kind: money, text: ...}, found \(collector.phrase(item))", at: item)
                continue
            }
            var expectation = MentionExpectation(location: item.location)
            for (fieldKey, value) in mapping {
                guard let field = collector.string(fieldKey, what: "a key") else { continue }
                switch field {
                case "kind":
                    guard let kind = collector.string(value, what: "'kind'") else { continue }
                    if kind == "any" { continue }
                    if kinds.contains(kind) {
                        expectation.kind = kind
                    } else {
                        collector.report("unknown mention kind '\(kind)'" + Suggestion.hint(for: kind, among: kinds + ["any"]), at: value)
                    }
                case "text": expectation.text = collector.string(value, what: "'text'")
                case "note": continue
                case "value" where value.mapping != nil:
                    // `value: {amount: 1, currency: USD}` lists fields of the mention's value;
                    // a scalar `value: 450` is the `value` field itself (quantities, percents).
                    if case .object(let object)? = collector.json(value) { expectation.value += object.members }
                default:
                    if let json = collector.json(value) { expectation.value.append((field, json)) }
                }
            }
            expectations.append(expectation)
        }
        return expectations
    }

    private func checkTests(_ pipeline: Pipeline, collector: DiagnosticCollector) {
        let names = pipeline.stages.compactMap(\.builtinName)
        for test in pipeline.tests {
            if let until = test.until, !names.contains(until) {
                collector.report(
                    "test '\(test.name)': 'until' names no stage of this pipeline: '\(until)'"
                        + Suggestion.hint(for: until, among: names),
                    at: test.location)
            }
            if test.checkCount == 0, !allowsUncheckedTests {
                collector.report(
                    "test '\(test.name)' checks nothing: add 'expect', 'expect_not', 'fields' or 'records' "
                        + "(or write 'expect: []' and run gleaner test --update)",
                    at: test.location)
            }
        }
    }

    // MARK: - YAML errors

    /// Where a key written at `first` is written again in the same mapping: on a later line at
    /// the same column (block style), or later on the same line after a comma (flow style).
    static func repeatedKey(_ key: String, after first: SourceLocation, in yaml: String) -> SourceLocation? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        /// Whether the key starts at `column` (0-based) of `line`, followed by spaces and a colon.
        func keyStarts(_ line: [Unicode.Scalar], at column: Int) -> Bool {
            spellings.contains { spelling in
                guard column + spelling.count <= line.count, Array(line[column..<column + spelling.count]) == spelling else { return false }
                let rest = line[(column + spelling.count)...].drop { $0 == " " || $0 == "\t" }
                return rest.first == ":"
            }
        }
        guard first.line - 1 < lines.count else { return nil }
        let own = lines[first.line - 1]
        var column = first.column
        while column < own.count {
            if own[..<column].last(where: { $0 != " " }) == ",", keyStarts(own, at: column) {
                return SourceLocation(line: first.line, column: column + 1)
            }
            column += 1
        }
        for number in first.line..<lines.count {
            let line = lines[number]
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            if indent < first.column - 1, line.contains(where: { $0 != " " }), !(line.first == "#") { break }
            if indent <= first.column - 1, keyStarts(line, at: first.column - 1) {
                return SourceLocation(line: number + 1, column: first.column)
            }
        }
        return nil
    }

    /// The position and message of a Yams error.
    static func describe(_ error: any Error, yaml: String) -> (SourceLocation, String) {
        guard let yamlError = error as? YamlError else {
            return (SourceLocation(line: 1, column: 1), "bad YAML: \(error)")
        }
        func location(_ mark: Mark) -> SourceLocation { SourceLocation(line: mark.line, column: mark.column) }
        func context(_ context: YamlError.Context?) -> String {
            guard let context else { return "" }
            return " (\(context.text) at \(context.mark.line):\(context.mark.column))"
        }
        switch yamlError {
        case .scanner(let ctx, let problem, let mark, _), .parser(let ctx, let problem, let mark, _),
            .composer(let ctx, let problem, let mark, _):
            return (location(mark), "bad YAML: \(problem)\(context(ctx))")
        case .reader(let problem, let offset, _, _):
            let prefix = yaml.utf8.prefix(offset ?? 0)
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = (String(decoding: prefix, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).last?.unicodeScalars.count ?? 0) + 1
            return (SourceLocation(line: line, column: column), "bad YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let ctx):
            let first = location(ctx.mark)
            guard let name = duplicates.first, first.line > 0,
                let again = repeatedKey(name, after: first, in: yaml)
            else {
                let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                return (first.line > 0 ? first : SourceLocation(line: 1, column: 1), "duplicate key \(names)")
            }
            return (again, "duplicate key '\(name)' (first written at \(first))")
        default:
            return (SourceLocation(line: 1, column: 1), "bad YAML: \(yamlError)")
        }
    }
}

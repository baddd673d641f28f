/// Relative paths in a pipeline file name files beside the file, not in the directory
/// `gleaner` happens to run in: `cd /tmp && gleaner run ~/project/pipelines/seeds.yaml` reads
/// `../seeds/*.txt` from `~/project/seeds/`.
///
/// The paths are fetch's `paths` (globs included; URLs and `-` are left alone), `urls`,
/// `cache` and `warc`, normalize's `rates` and `gazetteer`, report's `output`, `dead_letter`
/// and each test's `input`. Arguments of `run:` stages are passed as written.
public enum PathResolution {
    /// The options that name files, per stage.
    static let pathOptions: [String: Set<String>] = [
        "fetch": ["paths", "urls", "cache", "warc", "from-list"],
        "normalize": ["rates", "gazetteer"],
        "report": ["output"],
    ]

    /// The pipeline with every relative path joined to `base`.
    /// - Parameters:
    ///   - pipeline: a loaded pipeline.
    ///   - base: the folder relative paths are relative to; `""` or `.` leaves them as written.
    public static func resolve(_ pipeline: Pipeline, against base: String) -> Pipeline {
        guard !base.isEmpty, base != "." else { return pipeline }
        var result = pipeline
        for index in result.stages.indices {
            guard let name = result.stages[index].builtinName, let paths = pathOptions[name] else { continue }
            for option in result.stages[index].options.indices where paths.contains(result.stages[index].options[option].name) {
                if isKeyword(result.stages[index].options[option]) { continue }
                switch result.stages[index].options[option].value {
                case .text(let path): result.stages[index].options[option].value = .text(join(base, path))
                case .list(let items): result.stages[index].options[option].value = .list(items.map { join(base, $0) })
                case .flag: break
                }
            }
        }
        result.deadLetter = pipeline.deadLetter.map { join(base, $0) }
        for index in result.tests.indices { result.tests[index].input = join(base, result.tests[index].input) }
        return result
    }

    /// The files a resolved pipeline's stages read that do not exist: `urls` lists, `rates` and
    /// `gazetteer`, each reported at its stage (fetch's `paths` and test inputs are not checked:
    /// a missing source is a dead letter, and a test reports its own input).
    /// - Parameter exists: whether a path names a file (injected for tests).
    public static func missingFiles(_ pipeline: Pipeline, exists: (String) -> Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let checked: [String: [String]] = ["fetch": ["urls"], "normalize": ["rates", "gazetteer"]]
        for stage in pipeline.stages {
            guard let name = stage.builtinName, let options = checked[name] else { continue }
            for option in stage.options where options.contains(option.name) && !isKeyword(option) {
                let paths: [String]
                switch option.value {
                case .text(let path): paths = [path]
                case .list(let list): paths = list
                case .flag: paths = []
                }
                for path in paths where path != "-" && !path.contains("://") && !exists(path) {
                    problems.append(Diagnostic(
                        file: pipeline.file, location: stage.location,
                        message: "the '\(option.name)' file of stage '\(name)' does not exist: \(path)"))
                }
            }
        }
        return problems
    }

    /// Whether an option names a built-in table rather than a file (`rates: ecb`).
    static func isKeyword(_ option: StageOption) -> Bool {
        option.name == "rates" && option.value == .text("ecb")
    }

    /// The folder a pipeline file's relative paths are relative to: the file's own folder,
    /// as the user named it (`pipelines` for `pipelines/seeds.yaml`, `.` for `seeds.yaml`).
    public static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        let folder = String(file[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// `base/path`, with `.` and `name/..` steps taken out; absolute paths, URLs and `-` unchanged.
    static func join(_ base: String, _ path: String) -> String {
        if path.isEmpty || path == "-" || path.hasPrefix("/") || path.contains("://") { return path }
        return normalized(base == "/" ? "/" + path : base + "/" + path)
    }

    /// A path with `.` steps and `name/..` pairs removed lexically (`pipelines/../seeds` is `seeds`).
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute, parts.isEmpty { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}

import GleanerCore

/// The entry points of the executables: each parses its arguments with ArgumentParser,
/// runs, and exits with a Gleaner status (see ``GleanerCommand``). The executables
/// are one call each; the commands live here, as SwiftPM keeps its own in a library.
public enum Commands {
    public static func fetch() async { await FetchCommand.main() }
    public static func clean() { CleanCommand.main() }
    public static func extract() { ExtractCommand.main() }
    public static func normalize() { NormalizeCommand.main() }
    public static func report() { ReportCommand.main() }
    public static func gleaner() { Gleaner.main() }
}

import Foundation

/// Finds stage executables: next to the `gleaner` executable first, then on `PATH`.
public struct ExecutableLocator: Sendable, Hashable {
    /// The folder searched first (the one holding `gleaner`), if known.
    public var siblingDirectory: String?
    /// The folders of `PATH`, in order.
    public var searchPath: [String]

    /// Creates a locator.
    public init(siblingDirectory: String?, searchPath: [String]) {
        self.siblingDirectory = siblingDirectory
        self.searchPath = searchPath
    }

    /// A locator for the running process: its own folder (symlinks resolved), then `PATH`.
    /// - Parameter environment: the process environment, for `PATH`.
    public static func forCurrentProcess(environment: [String: String]) -> ExecutableLocator {
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        var executable = Bundle.main.executableURL
        if executable == nil, let first = CommandLine.arguments.first, first.contains("/") {
            executable = URL(fileURLWithPath: first)
        }
        let folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent().path
        return ExecutableLocator(siblingDirectory: folder, searchPath: path)
    }

    /// The full path of a program, or nil when it is nowhere to be found.
    /// A name with a `/` is taken as a path as it is.
    public func locate(_ program: String) -> String? {
        if program.contains("/") {
            return FileManager.default.isExecutableFile(atPath: program) ? program : nil
        }
        for folder in [siblingDirectory].compactMap({ $0 }) + searchPath where !folder.isEmpty {
            let candidate = (folder as NSString).appendingPathComponent(program)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// Where a program was looked for, for the "not found" message.
    public var searchedDescription: String {
        let sibling = siblingDirectory.map { "next to gleaner (\($0)) or " } ?? ""
        return sibling + "on PATH"
    }
}

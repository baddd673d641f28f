/// A position in a pipeline file, 1-based, with columns counted in Unicode scalars.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Line number, starting at 1.
    public var line: Int
    /// Column number, starting at 1.
    public var column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// One problem found in a pipeline file, printed as `file:line:col: message`.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, quoting the bad value.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, location: SourceLocation, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.location, lhs.message) < (rhs.file, rhs.location, rhs.message)
    }

    public var description: String { "\(file):\(location): \(message)" }
}

/// Every problem found in a pipeline file; thrown when a file cannot be used.
public struct PipelineDiagnostics: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, sorted by position.
    public var diagnostics: [Diagnostic]

    /// Creates the error from problems in any order.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    /// One problem per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

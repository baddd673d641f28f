/// POSIX shell quoting, for printing commands a person can paste.
public enum ShellQuoting {
    /// The word unchanged when the shell would read it as is, else in single quotes.
    public static func quote(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")
        if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// An argument vector as one shell command line.
    public static func command(_ arguments: [String]) -> String {
        arguments.map(quote).joined(separator: " ")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

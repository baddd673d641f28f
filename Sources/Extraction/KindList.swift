public import GleanerCore

/// A comma-separated list of mention kinds, as `--only` takes it ("date,money").
public enum KindList {
    /// An unknown kind name in a list.
    public struct UnknownKind: Error, Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown kind '\(name)' (kinds: \(MentionKind.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
    }

    /// Parses "date,money, percent" into kinds.
    /// - Throws: ``UnknownKind`` naming the first bad entry.
    public static func parse(_ list: String) throws(UnknownKind) -> Set<MentionKind> {
        var kinds: Set<MentionKind> = []
        for part in list.split(separator: ",") {
            let name = part.trimmingWhitespace().lowercased()
            guard !name.isEmpty else { continue }
            let singular = name == "organisation" ? "organization" : name.hasSuffix("s") && MentionKind(rawValue: name) == nil ? String(name.dropLast()) : name
            guard let kind = MentionKind(rawValue: singular) else { throw UnknownKind(name: name) }
            kinds.insert(kind)
        }
        return kinds
    }
}

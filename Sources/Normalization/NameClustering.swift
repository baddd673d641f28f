import GleanerCore

/// Groups a document's person and organisation mentions into entities, in
/// text order: the same name; a surname or first name after a full name
/// ("Lieberman" after "Avigdor Lieberman"); a name in parentheses right after
/// another ("Jewish Agency for Israel (Sochnut)"); a name the text says is another
/// name of the one before it ("Abu Mazen, also known as Mahmoud Abbas"); an acronym
/// and the name it abbreviates ("NATO", "North Atlantic Treaty Organization").
/// Never by shared words alone.
struct NameClustering {
    struct Cluster {
        var kind: MentionKind
        /// The canonical name: the fullest form seen (or the user's name).
        var name: String
        var surfaces: [String]
        var members: [Int]
        var fixed: Bool

        /// Every other form the document used, in order of appearance.
        var aliases: [String] { surfaces.filter { $0 != name } }
    }

    let scalars: [Unicode.Scalar]
    private(set) var clusters: [Cluster] = []
    private var previous: (end: Int, cluster: Int)?

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func add(_ index: Int, _ mention: Mention, canonical: String?) {
        let surface = NameClustering.clean(mention.text)
        let cluster = find(mention, surface: surface, canonical: canonical)
        if let cluster {
            clusters[cluster].members.append(index)
            if !clusters[cluster].surfaces.contains(surface) { clusters[cluster].surfaces.append(surface) }
            // A fuller form of the same person becomes the canonical name.
            if !clusters[cluster].fixed, mention.kind == .person, words(surface).count > words(clusters[cluster].name).count {
                clusters[cluster].name = surface
            }
            if !clusters[cluster].fixed, mention.kind == .organization, isAcronym(clusters[cluster].name), !isAcronym(surface),
                initials(surface) == letters(clusters[cluster].name)
            {
                clusters[cluster].name = surface
            }
            previous = (mention.end, cluster)
        } else {
            clusters.append(
                Cluster(
                    kind: mention.kind, name: canonical ?? surface, surfaces: canonical == nil || canonical == surface ? [surface] : [canonical!, surface],
                    members: [index], fixed: canonical != nil))
            previous = (mention.end, clusters.count - 1)
        }
    }

    private func find(_ mention: Mention, surface: String, canonical: String?) -> Int? {
        if let canonical {
            return clusters.lastIndex { $0.kind == mention.kind && $0.name == canonical }
        }
        if let previous, clusters[previous.cluster].kind == mention.kind,
            isParenthesised(mention, after: previous.end) || isNamedAlias(mention, after: previous.end)
        {
            return previous.cluster
        }
        let lowered = surface.lowercased()
        if let same = clusters.lastIndex(where: { cluster in
            cluster.kind == mention.kind && cluster.surfaces.contains { $0.lowercased() == lowered }
        }) {
            return same
        }
        let parts = words(surface)
        switch mention.kind {
        case .person:
            if parts.count == 1 {
                return clusters.lastIndex { cluster in
                    guard cluster.kind == .person else { return false }
                    let name = words(cluster.name)
                    return name.count > 1 && (name.last == parts[0] || name.first == parts[0])
                }
            }
            return clusters.lastIndex { cluster in
                guard cluster.kind == .person else { return false }
                let name = words(cluster.name)
                if name.count == 1 { return parts.last == name[0] }
                // "Tayyip Erdogan" and "Recep Tayyip Erdogan".
                return name.last == parts.last && (name.ends(with: parts) || parts.ends(with: name))
            }
        case .organization:
            if isAcronym(surface) {
                let target = letters(surface)
                return clusters.lastIndex { $0.kind == .organization && initials($0.name) == target }
            }
            let target = initials(surface)
            guard target.count >= 2 else { return nil }
            return clusters.lastIndex { $0.kind == .organization && isAcronym($0.name) && letters($0.name) == target }
        default:
            return nil
        }
    }

    /// "Full Name (Short)": only "(" and spaces between the previous mention and this one, ")" after it.
    private func isParenthesised(_ mention: Mention, after end: Int) -> Bool {
        guard end <= mention.start, mention.end < scalars.count, scalars[mention.end] == ")" else { return false }
        let between = scalars[end..<mention.start]
        return between.contains("(") && between.allSatisfy { $0 == "(" || $0 == " " }
    }

    /// The words between two names that say the second is another name of the first.
    private static let aliasPhrases: Set<String> = [
        "also known as", "better known as", "otherwise known as", "formerly known as", "known as",
        "a.k.a.", "aka", "alias", "née", "nee", "born",
    ]

    /// "Name, also known as Other": only an alias phrase (with commas, brackets, quotes and
    /// spaces around it) between the previous mention and this one.
    private func isNamedAlias(_ mention: Mention, after end: Int) -> Bool {
        guard end <= mention.start, mention.start - end <= 40 else { return false }
        let between = String(String.UnicodeScalarView(scalars[end..<mention.start])).lowercased()
        let words = between.split(whereSeparator: { " ,;(\"'“”‘’\n".contains($0) })
        return Self.aliasPhrases.contains(words.joined(separator: " "))
    }

    static func clean(_ text: String) -> String {
        var result = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        for prefix in ["the ", "The "] where result.hasPrefix(prefix) { result.removeFirst(prefix.count) }
        for suffix in ["'s", "’s"] where result.hasSuffix(suffix) { result.removeLast(suffix.count) }
        return result
    }

    private func words(_ name: String) -> [String] {
        name.split(separator: " ").map { String($0).lowercased() }
    }

    private func isAcronym(_ name: String) -> Bool {
        let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && !name.contains(" ") && letters.allSatisfy { $0.properties.isUppercase }
    }

    private func letters(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    /// Initials of the capitalised words ("North Atlantic Treaty Organization" -> "NATO").
    private func initials(_ name: String) -> String {
        var result = String.UnicodeScalarView()
        for word in name.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            guard let first = word.unicodeScalars.first, first.properties.isUppercase else { continue }
            result.append(first)
        }
        return String(result)
    }
}

extension Array where Element: Equatable {
    fileprivate func ends(with suffix: [Element]) -> Bool {
        suffix.count <= count && Array(self[(count - suffix.count)...]) == suffix
    }
}

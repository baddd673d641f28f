import Foundation

/// The rules of one robots.txt (RFC 9309) that apply to one user agent.
public struct RobotsRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: String
    }

    var rules: [Rule]
    /// The `Crawl-delay` for this agent, in seconds (a common extension to RFC 9309).
    public var crawlDelay: Double?

    /// Everything allowed (no robots.txt, or a 4xx for it).
    public static let allowAll = RobotsRules(rules: [], crawlDelay: nil)
    /// Everything disallowed (robots.txt unreachable: RFC 9309 §2.3.1.4).
    public static let disallowAll = RobotsRules(rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil)

    /// Parses robots.txt and keeps the group for `userAgent` (its product token, e.g. `gleaner-fetch`),
    /// falling back to the `*` group.
    public init(parsing text: String, userAgent: String) {
        let product = userAgent.split(separator: "/").first.map { $0.lowercased() } ?? userAgent.lowercased()
        var groups: [(agents: [String], rules: [Rule], delay: Double?)] = []
        var current: (agents: [String], rules: [Rule], delay: Double?) = ([], [], nil)
        var inRules = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if inRules {
                    groups.append(current)
                    current = ([], [], nil)
                    inRules = false
                }
                current.agents.append(value.lowercased())
            case "allow", "disallow":
                inRules = true
                // An empty Disallow allows everything; it adds no rule.
                if !value.isEmpty { current.rules.append(Rule(allow: key == "allow", pattern: value)) }
            case "crawl-delay":
                inRules = true
                current.delay = Double(value)
            default: continue
            }
        }
        if !current.agents.isEmpty { groups.append(current) }
        // The most specific matching agent name wins; several groups for it are merged.
        var best: (length: Int, rules: [Rule], delay: Double?)? = nil
        for group in groups {
            for agent in group.agents where agent != "*" && product.contains(agent) {
                if best == nil || agent.count > best!.length {
                    best = (agent.count, group.rules, group.delay)
                } else if agent.count == best!.length {
                    best!.rules += group.rules
                    best!.delay = best!.delay ?? group.delay
                }
            }
        }
        if best == nil {
            for group in groups where group.agents.contains("*") {
                if best == nil { best = (0, group.rules, group.delay) } else {
                    best!.rules += group.rules
                    best!.delay = best!.delay ?? group.delay
                }
            }
        }
        self.rules = best?.rules ?? []
        self.crawlDelay = best?.delay
    }

    init(rules: [Rule], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// Whether `path` (path and query, e.g. `/news/a?b=1`) may be fetched: the longest matching rule wins,
    /// Allow over Disallow on a tie.
    public func allows(_ path: String) -> Bool {
        var best: Rule? = nil
        var bestLength = -1
        for rule in rules where Self.matches(pattern: rule.pattern, path: path) {
            let length = rule.pattern.count
            if length > bestLength || (length == bestLength && rule.allow) {
                best = rule
                bestLength = length
            }
        }
        return best?.allow ?? true
    }

    /// RFC 9309 matching: a prefix match, `*` for any run of characters, `$` anchoring the end.
    static func matches(pattern: String, path: String) -> Bool {
        let p = Array(pattern.utf8)
        let s = Array(path.utf8)
        func match(_ i: Int, _ j: Int) -> Bool {
            var i = i, j = j
            while i < p.count {
                if p[i] == UInt8(ascii: "*") {
                    while i < p.count, p[i] == UInt8(ascii: "*") { i += 1 }
                    if i == p.count { return true }
                    for start in j...s.count where match(i, start) { return true }
                    return false
                }
                if p[i] == UInt8(ascii: "$"), i == p.count - 1 { return j == s.count }
                guard j < s.count, p[i] == s[j] else { return false }
                i += 1
                j += 1
            }
            return true
        }
        return match(0, 0)
    }
}

public import GleanerCore

/// The report as every writer sees it: documents, facts grouped across
/// documents, entities, conflicts and numbered references to sentences.
///
/// A pure function of an ``Aggregate``: the same aggregate, however it was
/// split and merged, gives the same report.
public struct Report: Sendable {
    public var documents: [DocumentEntry]
    public var money: [FactGroup]
    public var currencyTotals: [CurrencyTotal]
    /// Dated facts in date order.
    public var timeline: [FactGroup]
    /// Date mentions normalize could not resolve, or that were never normalised.
    public var undatedDates: [FactGroup]
    public var quantities: [FactGroup]
    public var percents: [FactGroup]
    public var people: [EntityRow]
    public var organizations: [EntityRow]
    public var places: [EntityRow]
    /// Different figures for the same thing, from different documents.
    public var conflicts: [Conflict]
    /// The sentences cited, numbered in order of first citation.
    public var references: [Reference]
    public var records: Int
    public var mentionCounts: [MentionKind: Int]

    /// Builds the report of an aggregate.
    public init(_ aggregate: Aggregate) {
        var byKind: [MentionKind: [FactOccurrence]] = [:]
        for occurrence in aggregate.occurrences { byKind[occurrence.kind, default: []].append(occurrence) }
        self.init(aggregate, factsByKind: byKind)
    }

    /// Builds the report of an aggregate whose facts are given apart, by kind, each list in
    /// position order (as ``SpillingAggregate`` streams them from its merged runs).
    init(_ aggregate: Aggregate, factsByKind byKind: [MentionKind: [FactOccurrence]]) {
        records = aggregate.records
        mentionCounts = aggregate.mentionCounts
        documents = aggregate.documents.values
            .sorted { ($0.source ?? "", $0.key) < ($1.source ?? "", $1.key) }
            .enumerated().map { DocumentEntry(label: "D\($0.offset + 1)", summary: $0.element) }
        var builder = ReferenceBuilder(labels: Dictionary(uniqueKeysWithValues: documents.map { ($0.summary.key, $0.label) }))

        let vocabulary = Vocabulary()
        let rank = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($0.element.summary.key, $0.offset) })
        let published = aggregate.documents.mapValues(\.published)
        let dates = (byKind[.date] ?? []).filter { !Self.isDateline($0, published: published[$0.document] ?? nil) }
        func clusters(_ occurrences: [FactOccurrence]) -> [FactClustering.Cluster] {
            Self.oneRowPerDocument(FactClustering.clusters(occurrences, vocabulary: vocabulary, rank: rank))
        }
        let moneyClusters = clusters(byKind[.money] ?? [])
        let dateClusters = clusters(dates)
        let quantityClusters = clusters(byKind[.quantity] ?? [])
        let percentClusters = clusters(byKind[.percent] ?? [])

        money = Self.sortedMoney(moneyClusters, rank: rank).map { builder.group($0, section: "money") }
        let datedClusters = dateClusters.filter { FactValue.date($0.first.value)?.sortKey != nil }
            .map { (date: FactValue.date($0.first.value)?.sortKey ?? "", cluster: $0) }
            .sorted { $0.date != $1.date ? $0.date < $1.date : Self.earlier($0.cluster, $1.cluster, rank) }.map(\.cluster)
        timeline = datedClusters.map { builder.group($0, section: "date") }
        undatedDates = dateClusters.filter { FactValue.date($0.first.value)?.sortKey == nil }.map { builder.group($0, section: "undated") }
        quantities = Self.sortedByReach(quantityClusters, rank: rank).map { builder.group($0, section: "quantity") }
        percents = Self.sortedByReach(percentClusters, rank: rank).map { builder.group($0, section: "percent") }

        let rows = EntityJoining.rows(aggregate.entities)
        people = rows.filter { $0.kind == .person }.map { builder.cite($0) }
        organizations = rows.filter { $0.kind == .organization }.map { builder.cite($0) }
        places = rows.filter { $0.kind == .place }.map { builder.cite($0) }

        var conflicts: [Conflict] = []
        for (kind, groups) in [(MentionKind.money, money), (.quantity, quantities), (.percent, percents)] {
            for component in ConflictFinder.components(groups) {
                let figures = component.map { groups[$0] }
                let about = vocabulary.names(Array(figures[0].context.shared(with: figures[1].context).prefix(8)))
                conflicts.append(Conflict(number: conflicts.count + 1, kind: kind, about: about, figures: figures))
            }
        }
        var conflictOf: [String: Int] = [:]
        for conflict in conflicts { for figure in conflict.figures { conflictOf[figure.anchor] = conflict.number } }
        for index in money.indices { money[index].conflict = conflictOf[money[index].anchor] }
        for index in quantities.indices { quantities[index].conflict = conflictOf[quantities[index].anchor] }
        for index in percents.indices { percents[index].conflict = conflictOf[percents[index].anchor] }
        for index in conflicts.indices {
            for figure in conflicts[index].figures.indices { conflicts[index].figures[figure].conflict = conflicts[index].number }
        }
        self.conflicts = conflicts
        currencyTotals = CurrencyTotal.totals(money)
        references = builder.references
    }

    /// Whether a date mention is the article's own dateline: at the top of the text (its first
    /// two sentences, within 200 characters) and naming the day the document was published.
    /// It says when the article appeared, not what happened, so the timeline leaves it out.
    static func isDateline(_ occurrence: FactOccurrence, published: String?) -> Bool {
        guard let published, published.count >= 10, occurrence.sentence <= 1, occurrence.start < 200,
            case .point(let date, _)? = FactValue.date(occurrence.value)
        else { return false }
        return date == String(published.prefix(10))
    }

    /// Clusters that are the same figure in the same single document ("two countries" said twice)
    /// joined into one, so a document gives one row per distinct fact; the first keeps its place.
    static func oneRowPerDocument(_ clusters: [FactClustering.Cluster]) -> [FactClustering.Cluster] {
        var result: [FactClustering.Cluster] = []
        var index: [String: Int] = [:]
        for cluster in clusters {
            let documents = Set(cluster.members.map(\.document))
            guard documents.count == 1, let document = documents.first else {
                result.append(cluster)
                continue
            }
            let key = [document, cluster.first.kind.rawValue, Display.value(of: cluster.first),
                       cluster.first.value.map(JSONCodec.string) ?? ""].joined(separator: "\u{0}")
            if let existing = index[key] {
                result[existing].members += cluster.members
                result[existing].contexts += cluster.contexts
            } else {
                index[key] = result.count
                result.append(cluster)
            }
        }
        return result
    }

    /// Whether a cluster's first occurrence comes earlier in the report's document order.
    private static func earlier(_ lhs: FactClustering.Cluster, _ rhs: FactClustering.Cluster, _ rank: [String: Int]) -> Bool {
        let left = rank[lhs.first.document] ?? Int.max, right = rank[rhs.first.document] ?? Int.max
        return left != right ? left < right : lhs.first.position < rhs.first.position
    }

    /// Money by currency, then largest amount first.
    private static func sortedMoney(_ clusters: [FactClustering.Cluster], rank: [String: Int]) -> [FactClustering.Cluster] {
        clusters.sorted { lhs, rhs in
            let left = FactValue.money(lhs.first.value), right = FactValue.money(rhs.first.value)
            switch (left, right) {
            case let (left?, right?):
                if left.currency != right.currency { return left.currency < right.currency }
                if left.amount != right.amount { return left.amount > right.amount }
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): break
            }
            return earlier(lhs, rhs, rank)
        }
    }

    /// Facts reported by most documents first, then by value, then by position.
    private static func sortedByReach(_ clusters: [FactClustering.Cluster], rank: [String: Int]) -> [FactClustering.Cluster] {
        let keyed = clusters.map { (reach: Set($0.members.map(\.document)).count, number: FactValue.number($0.first.value) ?? -.infinity, cluster: $0) }
        return keyed.sorted { lhs, rhs in
            if lhs.reach != rhs.reach { return lhs.reach > rhs.reach }
            if lhs.number != rhs.number { return lhs.number > rhs.number }
            return earlier(lhs.cluster, rhs.cluster, rank)
        }.map(\.cluster)
    }
}

/// A document with its label in the report (`D1`, `D2`, …).
public struct DocumentEntry: Sendable, Hashable {
    public var label: String
    public var summary: DocumentSummary
}

/// One place a fact or entity was found: a document, the text as written, and the numbered sentence.
public struct Citation: Sendable, Hashable {
    /// The document label (`D1`).
    public var document: String
    public var documentKey: String
    public var text: String
    public var start: Int
    public var end: Int
    /// The number of the cited sentence in ``Report/references``.
    public var reference: Int
}

/// One fact, shown once with every document that reports it.
public struct FactGroup: Sendable {
    public var kind: MentionKind
    /// The normalised value of its first occurrence.
    public var value: JSONValue?
    /// The value as a person reads it ("USD 2,500,000").
    public var display: String
    /// Distinct texts as written, in order of first appearance.
    public var texts: [String]
    public var citations: [Citation]
    /// Labels of the documents that report it, in order.
    public var documents: [String]
    /// A stable anchor for links ("money-3").
    public var anchor: String
    /// The number of the conflict this figure is part of, if any.
    public var conflict: Int?
    /// The sentence the fact was first cited from.
    public var sentence: String
    var context: ContextWords
}

/// A person, organisation or place across documents, its aliases joined.
public struct EntityRow: Sendable {
    public var kind: MentionKind
    public var name: String
    public var aliases: [String]
    public var mentions: Int
    public var documents: Int
    public var placeType: String?
    public var country: String?
    public var citations: [Citation]
    var references: [EntityReference]
}

/// Different figures for the same thing, shown side by side.
public struct Conflict: Sendable {
    public var number: Int
    public var kind: MentionKind
    /// Words the figures' sentences share: what they are about.
    public var about: [String]
    public var figures: [FactGroup]
}

/// A numbered sentence cited by the report.
public struct Reference: Sendable, Hashable {
    public var number: Int
    /// The document label (`D1`).
    public var document: String
    public var documentKey: String
    /// The sentence index in the document.
    public var sentence: Int
    public var text: String
}

/// The sum of the money facts in one currency (each fact counted once, however many documents report it).
public struct CurrencyTotal: Sendable, Hashable {
    public var currency: String
    public var amount: Double
    public var facts: Int
    /// The converted sum, when normalize had rates: currency, amount, and how many facts it covers.
    public var convertedCurrency: String?
    public var convertedAmount: Double?
    public var convertedFacts: Int

    static func totals(_ money: [FactGroup]) -> [CurrencyTotal] {
        var totals: [String: CurrencyTotal] = [:]
        var targets: [String: [String: Int]] = [:]
        for group in money {
            guard let value = FactValue.money(group.value) else { continue }
            totals[value.currency, default: CurrencyTotal(currency: value.currency, amount: 0, facts: 0, convertedFacts: 0)].amount += value.amount
            totals[value.currency]!.facts += 1
            if let converted = FactValue.converted(group.value) { targets[value.currency, default: [:]][converted.currency, default: 0] += 1 }
        }
        for (currency, counts) in targets {
            guard let target = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { continue }
            var sum = 0.0, count = 0
            for group in money where FactValue.money(group.value)?.currency == currency {
                if let converted = FactValue.converted(group.value), converted.currency == target {
                    sum += converted.amount
                    count += 1
                }
            }
            totals[currency]!.convertedCurrency = target
            totals[currency]!.convertedAmount = sum
            totals[currency]!.convertedFacts = count
        }
        return totals.values.sorted { ($0.convertedAmount ?? 0, $0.amount, $1.currency) > ($1.convertedAmount ?? 0, $1.amount, $0.currency) }
    }
}

/// Numbers sentences in order of first citation and turns clusters into rows.
struct ReferenceBuilder {
    let labels: [String: String]
    private(set) var references: [Reference] = []
    private var numbers: [SentenceKey: Int] = [:]
    private var sectionCounts: [String: Int] = [:]

    init(labels: [String: String]) {
        self.labels = labels
    }

    private struct SentenceKey: Hashable {
        var document: String
        var text: String
    }

    mutating func number(document: String, sentence: Int, text: String) -> Int {
        let key = SentenceKey(document: document, text: text)
        if let number = numbers[key] { return number }
        let number = references.count + 1
        numbers[key] = number
        references.append(Reference(number: number, document: labels[document] ?? document, documentKey: document, sentence: sentence, text: text))
        return number
    }

    mutating func group(_ cluster: FactClustering.Cluster, section: String) -> FactGroup {
        sectionCounts[section, default: 0] += 1
        var texts: [String] = []
        var documents: [String] = []
        var citations: [Citation] = []
        for occurrence in cluster.members {
            if !texts.contains(occurrence.text) { texts.append(occurrence.text) }
            let label = labels[occurrence.document] ?? occurrence.document
            if !documents.contains(label) { documents.append(label) }
            let reference = number(document: occurrence.document, sentence: occurrence.sentence, text: occurrence.sentenceText)
            citations.append(Citation(document: label, documentKey: occurrence.document, text: occurrence.text, start: occurrence.start, end: occurrence.end, reference: reference))
        }
        let first = cluster.first
        return FactGroup(
            kind: first.kind, value: first.value, display: Display.value(of: first), texts: texts, citations: citations,
            documents: documents, anchor: "\(section)-\(sectionCounts[section]!)", conflict: nil,
            sentence: first.sentenceText,
            context: ContextWords(union: cluster.contexts))
    }

    mutating func cite(_ row: EntityRow) -> EntityRow {
        var row = row
        row.citations = row.references.map { reference in
            Citation(
                document: labels[reference.document] ?? reference.document, documentKey: reference.document, text: reference.text,
                start: reference.start, end: reference.end,
                reference: number(document: reference.document, sentence: reference.sentence, text: reference.sentenceText))
        }
        return row
    }
}

/// How values read in every format.
enum Display {
    static func value(of occurrence: FactOccurrence) -> String {
        let value = occurrence.value
        switch occurrence.kind {
        case .money:
            if let money = FactValue.money(value) { return "\(money.currency) \(NumberFormat.grouped(money.amount))" }
        case .quantity:
            if let number = FactValue.number(value) {
                let unit = FactValue.unit(value)
                return (FactValue.approximate(value) ? "≈ " : "") + NumberFormat.grouped(number) + (unit.isEmpty ? "" : " " + unit)
            }
        case .percent:
            if let number = FactValue.number(value) { return NumberFormat.percent(number) }
        case .date:
            if let date = FactValue.date(value) {
                if case .unresolved = date { return occurrence.text }
                return date.display
            }
        default: break
        }
        return occurrence.text
    }

    /// The converted amount of a money value as a person reads it, with the rate and its day
    /// ("≈ EUR 22,578,460.15 (1 ILS = 0.250872 EUR, rates of 2023-12-07)").
    static func converted(_ value: JSONValue?) -> String? {
        guard let converted = FactValue.converted(value) else { return nil }
        let object = value?.objectValue?["converted"]?.objectValue
        var notes: [String] = []
        if let rate = object?["rate"]?.numberValue, let from = value?.objectValue?["currency"]?.stringValue {
            notes.append("1 \(from) = \(rate) \(converted.currency)")
        }
        if let day = converted.rateDate { notes.append("rates of \(day)") }
        let date = notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
        return "≈ \(converted.currency) \(NumberFormat.grouped(converted.amount))\(date)"
    }
}

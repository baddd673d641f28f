import GleanerCore
import Reporting
import Testing

@Suite("Partial aggregates merge into the same report")
struct MergeTests {
    static let records = Fixtures.seedRecords + SyntheticRecords.make(count: 60, seed: 7)

    /// The aggregate written as partial NDJSON text and read back, as `--partial` and `--merge` do.
    static func roundTrip(_ aggregate: Aggregate) -> Aggregate {
        let text = PartialCodec.lines(aggregate).map(JSONCodec.string).joined(separator: "\n")
        var result = Aggregate()
        for line in text.split(separator: "\n") {
            try! PartialCodec.add(JSONCodec.parse(String(line)).objectValue!, to: &result)
        }
        return result
    }

    static func rendered(_ aggregate: Aggregate) -> [String] {
        [ReportJob.render(aggregate, format: .json), ReportJob.render(aggregate, format: .markdown), ReportJob.render(aggregate, format: .html)]
    }

    @Test("report(all) equals merge(partials) for random splits", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomSplits(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let whole = Self.rendered(Fixtures.aggregate(Self.records))
        let partCount = Int.random(in: 2...6, using: &random)
        var parts = Array(repeating: [JSONObject](), count: partCount)
        for record in Self.records.shuffled(using: &random) { parts[Int.random(in: 0..<partCount, using: &random)].append(record) }
        var partials = parts.map { Self.roundTrip(Fixtures.aggregate($0)) }
        partials.shuffle(using: &random)
        // Merge as a random tree: pick two, merge, put back, until one is left.
        while partials.count > 1 {
            let first = partials.remove(at: Int.random(in: 0..<partials.count, using: &random))
            let second = partials.remove(at: Int.random(in: 0..<partials.count, using: &random))
            partials.append(Self.roundTrip(first.merging(second)))
        }
        #expect(Self.rendered(partials[0]) == whole)
    }

    @Test("merging is commutative and has an identity")
    func commutativeWithIdentity() {
        let left = Fixtures.aggregate(Array(Self.records.prefix(20)))
        let right = Fixtures.aggregate(Array(Self.records.dropFirst(20)))
        #expect(Self.rendered(left.merging(right)) == Self.rendered(right.merging(left)))
        #expect(left.merging(Aggregate()) == left)
        #expect(Aggregate().merging(left) == left)
    }

    @Test("partial output is byte-identical on every run")
    func partialIsDeterministic() {
        let first = PartialCodec.lines(Fixtures.aggregate(Self.records)).map(JSONCodec.string)
        let second = PartialCodec.lines(Fixtures.aggregate(Self.records.reversed())).map(JSONCodec.string)
        #expect(first == second)
        #expect(first.first?.hasPrefix("{\"partial\":{\"version\":1") == true)
    }

    @Test("a partial line of another kind or version is refused with a reason")
    func refusesForeignLines() {
        var aggregate = Aggregate()
        #expect(throws: PartialLineError.self) { try PartialCodec.add(["id": "x", "text": "a record, not a partial"], to: &aggregate) }
        #expect(throws: PartialLineError.self) { try PartialCodec.add(["partial": ["version": 99, "records": 1]], to: &aggregate) }
    }
}

@testable import Extraction
import Testing

@Suite("Viterbi")
struct ViterbiTests {
    @Test("looks only at the labels a label may follow, in order")
    func predecessors() {
        for label in 0..<EntityLabel.count {
            let allowed = (0..<EntityLabel.count).filter { EntityLabel.allowed($0, label) }
            #expect(Array(EntityLabel.predecessors(of: label)) == allowed)
        }
    }

    @Test("an inside label never follows another kind, and ties keep the first label")
    func decodes() {
        // Three tokens; emissions favour B-person, then I-organisation (not allowed after a person), then O.
        let labels = EntityLabel.count
        var emissions = [Int32](repeating: 0, count: 3 * labels)
        emissions[EntityLabel.begin(0)] = 10
        emissions[labels + EntityLabel.inside(1)] = 50
        emissions[labels + EntityLabel.inside(0)] = 5
        let transitions = [Int32](repeating: 0, count: (labels + 1) * labels)
        let path = Viterbi.decode(emissions, transitions, count: 3)
        #expect(path.count == 3)
        for (previous, label) in zip(path, path.dropFirst()) { #expect(EntityLabel.allowed(previous, label)) }
        // I-organisation can only follow B- or I-organisation: the best path pays for it with B-organisation first.
        #expect(path == [EntityLabel.begin(1), EntityLabel.inside(1), 0])
    }
}

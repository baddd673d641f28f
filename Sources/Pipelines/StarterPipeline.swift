/// What `gleaner init NAME` writes: a commented pipeline file that runs as it is, a short
/// sample article and a test over it, so `gleaner validate`, `run` and `test` work at once.
public enum StarterPipeline {
    /// Why a name cannot start a pipeline.
    public struct BadName: Error, Sendable, Hashable, CustomStringConvertible {
        /// The name as given.
        public var name: String
        public var description: String {
            "'\(name)' is not a pipeline name: use letters, digits, '-' and '_' (a folder before it is fine)"
        }
    }

    /// The files to write for `path` (`news` or `pipelines/news`): the pipeline file and its sample.
    /// - Throws: ``BadName`` when the last part of `path` is not a plain name.
    public static func files(for path: String) throws(BadName) -> [(path: String, text: String)] {
        var name = Substring(path.split(separator: "/").last ?? "")
        if name.hasSuffix(".yaml") { name = name.dropLast(5) }
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
        else { throw BadName(name: path) }
        let folder = path.contains("/") ? PathResolution.folder(of: path) + "/" : ""
        let sample = "\(name)-sample.txt"
        return [(folder + "\(name).yaml", pipeline(name: String(name), sample: sample)), (folder + sample, sampleArticle)]
    }

    /// The commented pipeline file.
    static func pipeline(name: String, sample: String) -> String {
        """
        # \(name): facts from news articles. Made by `gleaner init`; edit freely.
        #   gleaner validate \(name).yaml     every problem with file:line:col
        #   gleaner run \(name).yaml          -> out/\(name).md
        #   gleaner test \(name).yaml         the checks under tests:
        #   gleaner test --update \(name).yaml   rewrite failing checks to what the stages find now
        # Relative paths are relative to this file's folder.
        name: \(name)
        description: Facts from news articles
        on_error: dead-letter                  # bad records go to the file below; the run goes on
        dead_letter: out/\(name).rejects.ndjson
        stages:
          - fetch:
              paths: ["\(sample)"]                  # files, globs or http(s) URLs
              fetched-at: "${FETCHED_AT:-2024-01-15T00:00:00Z}"   # fixed, so runs are reproducible
          - clean                              # HTML or text -> title, published date, body
          - extract                            # dates, money, quantities, people, places, ...
          - normalize:
              # Relative dates ("last Tuesday") resolve against the article's own date, else this one.
              reference-date: "${REFERENCE_DATE:-2024-01-15}"
          - report: { format: markdown, output: out/\(name).md }
        tests:
          - name: the sample's money and date
            input: \(sample)
            records: 1
            expect:
              - { kind: money, text: "$4.2 million", amount: 4200000, currency: USD }
              - { kind: date, text: "January 12, 2024", date: "2024-01-12" }

        """
    }

    /// A short article written for the starter (not taken from any publication).
    static let sampleArticle = """
        Harbour town approves new ferry terminal

        January 12, 2024

        The council of Port Ellery voted on Thursday to build a new ferry terminal for $4.2 million, \
        mayor Anna Berglund said. About 1,200 residents cross to the mainland each day, and traffic \
        has grown by 8% since last year. Work starts in March and should take 14 months.

        """
}

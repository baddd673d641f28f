import Foundation
import GleanerCore
import Testing

@testable import Cleaning

/// The seed articles in the repository's `seeds/` folder.
enum Seeds {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")

    static func record(_ name: String) throws -> JSONObject {
        let raw = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return ["source": .string("seeds/" + name), "media_type": "text/plain", "raw": .string(raw)]
    }
}

@Suite("Plain-text news")
struct PlainTextTests {
    let stage = CleanStage()

    func boilerplateText(_ record: JSONObject) -> String {
        (record["boilerplate"]?.arrayValue ?? []).compactMap { $0.objectValue?["text"]?.stringValue }.joined(separator: " ")
    }

    @Test("a date line at the top becomes published; the comment form is moved to boilerplate")
    func datelineAndCommentForm() throws {
        let output = try stage.process(try Seeds.record("000_1b62458d474aedcb.txt"))
        #expect(output["published"]?.stringValue == "2023-12-07")
        let text = try #require(output["text"]?.stringValue)
        #expect(text.hasPrefix("December 7, 2023\n\nThe Ministry of Diaspora Affairs"))
        #expect(!text.contains("Leave a Reply"))
        #expect(!text.contains("Your email address will not be published"))
        #expect(boilerplateText(output).contains("Leave a Reply"))
        #expect(boilerplateText(output).contains("Your email address will not be published"))
        #expect(output["title"] == nil)
        #expect(output["raw"] == nil)
    }

    @Test("title, tag line, related list, recruitment blurb and cookie notice")
    func titleTagsAndFurniture() throws {
        let output = try stage.process(try Seeds.record("001_550b7ae7a5070b9e.txt"))
        #expect(output["title"]?.stringValue == "Israel Opens Refugee Camps in Azerbaijan for Russian Jews Fleeing Country")
        #expect(output["tags"] == ["News", "Azerbaijan"])
        let text = try #require(output["text"]?.stringValue)
        #expect(text.hasPrefix("The mobilization news"))
        #expect(text.hasSuffix("the first foreign buyer of Sky Strikers."))
        let removed = boilerplateText(output)
        for phrase in ["Read also:", "See Also", "seeks local specialists", "Our website uses cookies", "Tel Aviv in 2023"] {
            #expect(removed.contains(phrase), "\(phrase)")
            #expect(!text.contains(phrase), "\(phrase)")
        }
        let kinds = Set((output["boilerplate"]?.arrayValue ?? []).compactMap { $0.objectValue?["kind"]?.stringValue })
        #expect(kinds == ["related", "recruitment", "cookie"])
    }

    @Test("a record with text and no raw is cleaned again")
    func rerun() throws {
        let first = try stage.process(try Seeds.record("001_550b7ae7a5070b9e.txt"))
        let second = try stage.process(first)
        #expect(second["text"] == first["text"])
        #expect(second["title"] == first["title"])
    }

    @Test("a record with neither raw nor text is an error naming the field")
    func missingRaw() {
        #expect(throws: RecordError.missingField("raw")) { try stage.process(["source": "x"]) }
    }

    @Test("keep-raw keeps the raw field")
    func keepRaw() throws {
        let output = try CleanStage(keepRaw: true).process(try Seeds.record("000_1b62458d474aedcb.txt"))
        #expect(output["raw"] != nil)
    }

    @Test("include-comments keeps the comment section in the text")
    func includeComments() throws {
        let output = try CleanStage(keepRaw: false, includeComments: true).process(try Seeds.record("000_1b62458d474aedcb.txt"))
        #expect(output["text"]?.stringValue?.contains("Leave a Reply") == true)
    }

    @Test("hard-wrapped lines are joined; a byline line becomes byline", arguments: [
        "Storm Hits Coast\n\nBy Jane Doe\n\nA storm hit the coast on Monday and\nleft thousands without power across the\nregion, officials said.\n\nShare this article\n\n© 2024 Example News. All rights reserved."
    ])
    func wrappedText(raw: String) {
        let document = PlainTextCleaner().clean(raw)
        #expect(document.title == "Storm Hits Coast")
        #expect(document.byline == "Jane Doe")
        #expect(document.text == "A storm hit the coast on Monday and left thousands without power across the region, officials said.")
        #expect(document.boilerplate.map(\.kind) == ["share", "copyright"])
    }

    @Test("English date formats", arguments: [
        ("December 7, 2023", "2023-12-07"), ("7 Dec 2023", "2023-12-07"), ("2023-12-07", "2023-12-07"),
        ("Dec. 7, 2023", "2023-12-07"), ("Thursday, December 7th, 2023", "2023-12-07"),
        ("Published: 7 December 2023 10:30", "2023-12-07T10:30:00"), ("2023-12-07T10:30:00+01:00", "2023-12-07T10:30:00+01:00"),
        ("April 28, 2019 at 6:01 pm", "2019-04-28T18:01:00"), ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00"),
    ])
    func dates(text: String, iso: String) {
        #expect(DateParser.parse(text)?.iso == iso)
    }

    @Test("not dates", arguments: ["February 30, 2023", "May the force", "2023", "12/07/2023"])
    func notDates(text: String) {
        #expect(DateParser.parse(text) == nil)
    }
}

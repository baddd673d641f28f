import Foundation
import ResourceTables
import Testing

@Suite("Mapped resources")
struct MappedResourceTests {
    @Test("sections written by the writer read back from a mapped file")
    func roundTrip() throws {
        var writer = ResourceWriter()
        var weights = ByteBuffer()
        for value: Float in [0.5, -1.25, 3] { weights.float(value) }
        writer.add("WGHT", weights.bytes)
        writer.add("LIST", StringList.bytes(["Odesa", "", "Київ"]))
        writer.add("INTS", UInt32List.bytes([7, 0, 4_000_000_000]))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("resource-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(writer.bytes()).write(to: URL(fileURLWithPath: path))

        let resource = try MappedResource(path: path)
        #expect(resource.tags == ["INTS", "LIST", "WGHT"])
        let section = try resource.section("WGHT")
        #expect((0..<3).map { section.float($0 * 4) } == [0.5, -1.25, 3])
        #expect(Array(try StringList(resource.section("LIST"))) == ["Odesa", "", "Київ"])
        #expect(Array(try UInt32List(resource.section("INTS"))) == [7, 0, 4_000_000_000])
    }

    @Test("a file that is not a container is refused with its path and the reason")
    func malformed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("type\tname\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ResourceError.malformed(source: path, reason: "no GLRT header")) { try MappedResource(path: path) }
        #expect(throws: ResourceError.self) { try MappedResource(path: path + ".missing") }
        let resource = try MappedResource(bytes: ResourceWriter().bytes())
        #expect(throws: ResourceError.malformed(source: "memory", reason: "no section NAME")) { try resource.section("NAME") }
    }

    @Test("a string table finds every key it was built with and no other")
    func stringTable() throws {
        var builder = StringTableBuilder()
        let words = (0..<5000).map { "word\($0)" } + ["", "São Paulo", "ʻĀina"]
        for (index, word) in words.enumerated() { builder.add(word, UInt32(index), UInt32(word.utf8.count)) }
        builder.add("word1", 99, 99)  // a repeated key keeps its first payloads
        var writer = ResourceWriter()
        writer.add("TABL", builder.bytes())
        let table = try StringTable(MappedResource(bytes: writer.bytes()).section("TABL"))
        #expect(table.count == words.count)
        for (index, word) in words.enumerated() {
            let payload = table.payload(word)
            #expect(payload?.0 == UInt32(index) && payload?.1 == UInt32(word.utf8.count))
        }
        #expect(!table.contains("word5000"))
        #expect(!table.contains("São"))
        #expect(!table.contains("WORD1"))
    }
}

@Suite("Gazetteer tables")
struct GazetteerTablesTests {
    @Test("a name's bucket is the bucket of its first token", arguments: [
        ("Saint-Denis", "saint"), ("St. Petersburg", "st"), ("São Paulo", "são"), ("İstanbul", "i"), ("U.S.", "u"),
        ("  New York", "new"), ("Vladi\u{AD}mir", "vladi"), ("'s-Hertogenbosch", ""),
    ])
    func bucketKeys(name: String, key: String) {
        #expect(GazetteerTables.bucketKey(name) == key)
    }

    @Test("places, countries and word lists compile into their sections")
    func compile() throws {
        let tsv = """
            # comment
            country\tGeorgia\tGE\tGEO\t3700000\t\tSakartvelo\tAS:RU,TR
            region\tGeorgia\tUS\t\t10000000\t\t\t
            city\tOdesa\tUA\t\t1000000\t\tOdessa|Odessa
            bogus\tline
            """
        let resource = try MappedResource(bytes: GazetteerTables.compile(
            placesTSV: tsv, givenNames: "Maria\nOLENA", surnames: "Smith", englishWords: "mobile\nreading"))
        let places = try StringList(resource.section(GazetteerTables.places))
        #expect(places.count == 3)
        #expect(places[2].hasPrefix("city\tOdesa"))
        let countries = try StringTable(resource.section(GazetteerTables.countries))
        #expect(countries.payload("GE")?.0 == 0)
        #expect(!countries.contains("US"))
        let given = try StringTable(resource.section(GazetteerTables.givenNames))
        #expect(given.contains("maria") && given.contains("olena") && !given.contains("Maria"))
        let buckets = try StringTable(resource.section(GazetteerTables.buckets))
        let names = try StringList(resource.section(GazetteerTables.names))
        let owners = try UInt32List(resource.section(GazetteerTables.owners))
        let odesa = try #require(buckets.payload("odess"))
        #expect(odesa.1 == 2)  // "Odessa" twice; the owner is the city
        #expect(names[Int(odesa.0)] == "Odessa" && owners[Int(odesa.0)] == 2)
        let georgia = try #require(buckets.payload("georg"))
        #expect((0..<Int(georgia.1)).map { owners[Int(georgia.0) + $0] } == [0, 1])
    }
}

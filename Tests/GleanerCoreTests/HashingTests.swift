import Testing
@testable import GleanerCore

@Suite("SHA-256 and content ids")
struct HashingTests {
    @Test(
        "matches the FIPS 180-4 test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ])
    func vectors(input: String, expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
    }

    @Test("a million 'a's (many blocks)")
    func longInput() {
        let digest = SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("bytes fed in pieces, cut anywhere around the 64-byte blocks, give the one-call digest")
    func incremental() {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        // Python: hashlib.sha256(bytes((i * 31 + 7) & 255 for i in range(119))).hexdigest()
        #expect(SHA256.hex(bytes[0..<119]) == "3d610547d68216dedf7435a4fb6260353911f6b3fd3f18805ddb8be285d726fe")
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 128, 200, 300] {
            let whole = SHA256.digest(bytes[0..<length])
            for first in stride(from: 0, through: length, by: 5) {
                for second in [first, min(length, first + 1), min(length, first + 64), length] {
                    var hasher = SHA256()
                    hasher.update(bytes[0..<first])
                    hasher.update(bytes[first..<second])
                    hasher.update(bytes[second..<length])
                    #expect(hasher.finalize() == whole, "cut at \(first) and \(second) of \(length)")
                }
            }
            // A sequence without contiguous storage goes through a copy, with the same result.
            #expect(SHA256.digest(bytes[0..<length].lazy.map { $0 }) == whole)
        }
    }

    @Test("the Swift rounds give the same digests as the CPU's SHA instructions, at every length")
    func softwareMatchesHardware() {
        var software = SHA256(softwareOnly: true)
        software.update(Array("abc".utf8))
        #expect(Hex.encode(software.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var generator = SystemRandomNumberGenerator()
        for length in 0..<300 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var swift = SHA256(softwareOnly: true)
            swift.update(bytes)
            #expect(swift.finalize() == SHA256.digest(bytes), "length \(length)")
        }
    }

    @Test("the id is sha256: and 16 hex digits of the raw bytes")
    func contentID() {
        #expect(ContentID.of(Array("abc".utf8)) == "sha256:ba7816bf8f01cfea")
    }

    @Test("base32 matches RFC 4648")
    func base32() {
        #expect(Hex.base32(Array("foobar".utf8)) == "MZXW6YTBOI======")
        #expect(Hex.base32(Array("f".utf8)) == "MY======")
        #expect(Hex.base64(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Hex.base64(Array("fooba".utf8)) == "Zm9vYmE=")
        #expect(Hex.base64(Array("f".utf8)) == "Zg==")
    }
}

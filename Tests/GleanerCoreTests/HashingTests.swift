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
        ])
    func vectors(input: String, expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
    }

    @Test("a million 'a's (many blocks)")
    func longInput() {
        let digest = SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
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

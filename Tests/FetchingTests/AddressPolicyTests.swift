import Testing
@testable import Fetching

/// `--deny-private` judges IPv6 forms that carry an IPv4 address by that address.
@Suite("--deny-private addresses")
struct AddressPolicyTests {
    /// Bytes of an IPv6 address written as eight groups.
    private func v6(_ groups: [UInt16]) -> [UInt8] { groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] } }

    @Test("private, loopback, CGNAT and documentation IPv4 are refused; public ones pass")
    func ipv4() {
        for address in [[10, 1, 2, 3], [127, 0, 0, 1], [100, 64, 0, 1], [169, 254, 1, 1], [192, 168, 0, 1], [172, 20, 0, 1],
                        [192, 0, 2, 7], [198, 51, 100, 1], [203, 0, 113, 9], [0, 0, 0, 0], [224, 0, 0, 1]] as [[UInt8]] {
            #expect(AddressPolicy.isPrivateIPv4(address), "\(address)")
        }
        for address in [[8, 8, 8, 8], [93, 184, 216, 34], [172, 32, 0, 1]] as [[UInt8]] {
            #expect(!AddressPolicy.isPrivateIPv4(address), "\(address)")
        }
    }

    @Test("NAT64, 6to4, mapped, compatible, Teredo and ISATAP forms of private IPv4 are refused")
    func embedded() {
        let refused: [[UInt16]] = [
            [0x64, 0xff9b, 0, 0, 0, 0, 0x0a00, 0x0001],  // 64:ff9b::10.0.0.1
            [0x64, 0xff9b, 0, 0, 0, 0, 0x7f00, 0x0001],  // 64:ff9b::127.0.0.1
            [0x64, 0xff9b, 1, 0, 0, 0, 0xc0a8, 0x0001],  // 64:ff9b:1::192.168.0.1
            [0x2002, 0x7f00, 0x0001, 0, 0, 0, 0, 1],  // 6to4 of 127.0.0.1
            [0x2002, 0xc0a8, 0x0101, 0, 0, 0, 0, 1],  // 6to4 of 192.168.1.1
            [0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001],  // ::ffff:10.0.0.1
            [0, 0, 0, 0, 0, 0, 0x0a00, 0x0001],  // ::10.0.0.1
            [0, 0, 0, 0, 0, 0, 0, 1],  // ::1
            [0x2001, 0, 0x4136, 0xe378, 0x8000, 0x63bf, 0xf5ff, 0xfffe],  // Teredo, client 10.0.0.1
            [0x2001, 0x0db9, 0, 0, 0, 0x5efe, 0xc0a8, 0x0001],  // ISATAP of 192.168.0.1
            [0xfd00, 0, 0, 0, 0, 0, 0, 1], [0xfe80, 0, 0, 0, 0, 0, 0, 1], [0x2001, 0x0db8, 0, 0, 0, 0, 0, 1],
        ]
        for groups in refused { #expect(AddressPolicy.isPrivateIPv6(v6(groups)), "\(AddressPolicy.describe(v6(groups)))") }
        let allowed: [[UInt16]] = [
            [0x64, 0xff9b, 0, 0, 0, 0, 0x0808, 0x0808],  // NAT64 of 8.8.8.8
            [0x2002, 0x0808, 0x0808, 0, 0, 0, 0, 1],  // 6to4 of 8.8.8.8
            [0x2a00, 0x1450, 0x4001, 0x0800, 0, 0, 0, 0x200e],
        ]
        for groups in allowed { #expect(!AddressPolicy.isPrivateIPv6(v6(groups)), "\(AddressPolicy.describe(v6(groups)))") }
    }

    @Test("the refused address is named in the embedded form it was given")
    func describes() {
        #expect(AddressPolicy.describe([10, 0, 0, 1]) == "10.0.0.1")
        #expect(AddressPolicy.describe(v6([0x64, 0xff9b, 0, 0, 0, 0, 0x0a00, 1])) == "64:ff9b:0:0:0:0:a00:1")
    }
}

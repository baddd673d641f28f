#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--deny-private`: refuses hosts that resolve to loopback, private, link-local,
/// CGNAT, unique-local, documentation or unspecified addresses, so a URL list cannot make the
/// fetcher reach into the network it runs in. IPv6 forms that carry an IPv4 address (mapped,
/// compatible, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`, Teredo, ISATAP) are judged by that
/// IPv4 address. The check runs before the request and again on every address curl connects to.
enum AddressPolicy {
    /// The first non-public address `host` resolves to, or `nil` when every address is public.
    /// - Returns: `.failure` with a DNS message when the host does not resolve.
    static func firstPrivateAddress(of host: String) -> Result<String?, TransportError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(bare, nil, &hints, &list) == 0, let first = list else {
            return .failure(TransportError(reason: .dns, detail: "host '\(host)' not found (DNS)", retryable: false))
        }
        defer { freeaddrinfo(list) }
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr {
                if entry.pointee.ai_family == AF_INET {
                    let bytes = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }
                    }
                    if isPrivateIPv4(bytes) { return .success(describe(bytes)) }
                } else if entry.pointee.ai_family == AF_INET6 {
                    let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                    }
                    if isPrivateIPv6(bytes) { return .success(describe(bytes)) }
                }
            }
            cursor = entry.pointee.ai_next
        }
        return .success(nil)
    }

    /// Whether an IPv4 address (4 bytes) is not a public unicast address.
    static func isPrivateIPv4(_ b: [UInt8]) -> Bool {
        guard b.count == 4 else { return true }
        switch b[0] {
        case 0, 10, 127: return true
        case 100: return (64...127).contains(b[1])
        case 169: return b[1] == 254
        case 172: return (16...31).contains(b[1])
        case 192: return b[1] == 168 || (b[1] == 0 && (b[2] == 0 || b[2] == 2)) || (b[1] == 88 && b[2] == 99)
        case 198: return b[1] == 18 || b[1] == 19 || (b[1] == 51 && b[2] == 100)
        case 203: return b[1] == 0 && b[2] == 113
        default: return b[0] >= 224
        }
    }

    /// Whether an IPv6 address (16 bytes) is not a public unicast address, or embeds an IPv4
    /// address that is not.
    static func isPrivateIPv6(_ b: [UInt8]) -> Bool {
        guard b.count == 16 else { return true }
        if let embedded = embeddedIPv4(b) { return isPrivateIPv4(embedded) }
        if b[0] & 0xfe == 0xfc { return true }  // fc00::/7 unique local
        if b[0] == 0xfe, b[1] & 0xc0 == 0x80 { return true }  // fe80::/10 link local
        if b[0] == 0xfe, b[1] & 0xc0 == 0xc0 { return true }  // fec0::/10 site local (deprecated)
        if b[0] == 0xff { return true }  // multicast
        if b[0...3] == [0x20, 0x01, 0x0d, 0xb8] { return true }  // 2001:db8::/32 documentation
        if b[0...1] == [0x01, 0x00], b[2..<8].allSatisfy({ $0 == 0 }) { return true }  // 100::/64 discard
        return false
    }

    /// The IPv4 address inside an IPv6 address that carries one, or `nil`.
    static func embeddedIPv4(_ b: [UInt8]) -> [UInt8]? {
        let last4 = Array(b[12..<16])
        if b[0..<10].allSatisfy({ $0 == 0 }) {
            if b[10] == 0xff, b[11] == 0xff { return last4 }  // ::ffff:a.b.c.d mapped
            if b[10] == 0, b[11] == 0 { return last4 }  // ::a.b.c.d compatible, and :: and ::1 (0.0.0.x)
        }
        if b[0...1] == [0, 0x64], b[2...3] == [0xff, 0x9b] {
            // 64:ff9b::/96 NAT64 well-known prefix, 64:ff9b:1::/48 local-use NAT64 prefixes.
            if b[4..<12].allSatisfy({ $0 == 0 }) || (b[4] == 0 && b[5] == 1) { return last4 }
        }
        if b[0] == 0x20, b[1] == 0x02 { return Array(b[2..<6]) }  // 2002::/16 6to4
        if b[0...3] == [0x20, 0x01, 0, 0] { return b[12..<16].map { $0 ^ 0xff } }  // Teredo client, obfuscated
        if b[9] == 0, b[10] == 0x5e, b[11] == 0xfe, b[8] & 0xfd == 0 { return last4 }  // ISATAP ::5efe:a.b.c.d
        return nil
    }

    /// An address as text: dotted IPv4, or IPv6 groups in hex.
    static func describe(_ b: [UInt8]) -> String {
        if b.count == 4 { return b.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: b.count - 1, by: 2).map { String(UInt16(b[$0]) << 8 | UInt16(b[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }
}

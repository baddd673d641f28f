#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--deny-private`: refuses hosts that resolve to loopback, private, link-local,
/// CGNAT, unique-local or unspecified addresses, so a URL list cannot make the
/// fetcher reach into the network it runs in.
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
                    if isPrivateIPv4(bytes) { return .success(bytes.map(String.init).joined(separator: ".")) }
                } else if entry.pointee.ai_family == AF_INET6 {
                    let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                    }
                    if isPrivateIPv6(bytes) { return .success(describeIPv6(bytes)) }
                }
            }
            cursor = entry.pointee.ai_next
        }
        return .success(nil)
    }

    static func isPrivateIPv4(_ b: [UInt8]) -> Bool {
        guard b.count == 4 else { return true }
        switch b[0] {
        case 0, 10, 127: return true
        case 100: return (64...127).contains(b[1])
        case 169: return b[1] == 254
        case 172: return (16...31).contains(b[1])
        case 192: return b[1] == 168 || (b[1] == 0 && b[2] == 0)
        case 198: return b[1] == 18 || b[1] == 19
        default: return b[0] >= 224
        }
    }

    static func isPrivateIPv6(_ b: [UInt8]) -> Bool {
        guard b.count == 16 else { return true }
        if b[0..<15].allSatisfy({ $0 == 0 }) { return true }  // :: and ::1
        if b[0..<10].allSatisfy({ $0 == 0 }), b[10] == 0xff, b[11] == 0xff { return isPrivateIPv4(Array(b[12..<16])) }
        if b[0] & 0xfe == 0xfc { return true }  // fc00::/7 unique local
        if b[0] == 0xfe, b[1] & 0xc0 == 0x80 { return true }  // fe80::/10 link local
        if b[0] == 0xff { return true }  // multicast
        return false
    }

    private static func describeIPv6(_ b: [UInt8]) -> String {
        stride(from: 0, to: 16, by: 2).map { String(UInt16(b[$0]) << 8 | UInt16(b[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }
}

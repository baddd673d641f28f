/// Formats numbers for people: digit grouping, at most two decimals, no locale.
///
/// Reports are deterministic, so this never depends on the machine's locale.
public enum NumberFormat {
    /// `2500000` → `2,500,000`; `26.125` → `26.13`; `-3` → `-3`.
    public static func grouped(_ number: Double) -> String {
        guard number.isFinite else { return String(number) }
        let negative = number < 0
        let cents = (abs(number) * 100).rounded()
        guard cents < 9e17 else { return String(number) }
        let whole = Int64(cents / 100)
        let fraction = Int64(cents) - whole * 100
        var digits = String(whole)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        var result = (negative ? "-" : "") + groups.joined(separator: ",")
        if fraction != 0 {
            var decimals = fraction < 10 ? "0\(fraction)" : "\(fraction)"
            if decimals.hasSuffix("0") { decimals.removeLast() }
            result += "." + decimals
        }
        return result
    }

    /// `0.35` → `35%`.
    public static func percent(_ fraction: Double) -> String {
        grouped(fraction * 100) + "%"
    }

    /// A compact number for chart labels: `2.5M`, `1.6B`, `450`.
    public static func compact(_ number: Double) -> String {
        let magnitude = abs(number)
        for (scale, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")] where magnitude >= scale {
            return grouped((number / scale * 10).rounded() / 10) + suffix
        }
        return grouped(number)
    }

    /// A number as JSON writes it, for stable keys: integers without a fraction.
    static func key(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

/// Zero-padded decimal numbers for dates and times ("2023-12-07", "08:05:00").
public enum Digits {
    /// `value` with leading zeros to `width` digits; a negative value keeps its sign in front ("-0044").
    public static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - text.count)) + text
        return value < 0 ? "-" + padded : padded
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace (Unicode White_Space, so no-break spaces too).
    public func trimmingWhitespace() -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

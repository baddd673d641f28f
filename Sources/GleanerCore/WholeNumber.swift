extension JSONValue {
    /// The largest offset, index or count a record may carry (2^31 - 1).
    public static let indexLimit = Int(Int32.max)

    /// The number as an `Int` when it is a whole number inside `range`, else nil.
    ///
    /// Stages read offsets, indexes and counts through this, never `Int(double)`, which traps
    /// on ±2^63, 1e400 (infinity) and NaN: a record carrying such a number is a contract
    /// error naming the field, not a crash.
    public func wholeNumber(in range: ClosedRange<Int> = 0...JSONValue.indexLimit) -> Int? {
        guard case .number(let value) = self, value.isFinite, value == value.rounded(), abs(value) < 0x1p53,
            value >= Double(range.lowerBound), value <= Double(range.upperBound)
        else { return nil }
        return Int(value)
    }
}

/// A unit of measure from the generated unit table (`data/units/generate.py`, from pint's definitions).
public struct UnitOfMeasure: Sendable, Equatable {
    /// The unit's English name ("kilometer", "horsepower").
    public var name: String
    /// Its symbol ("km", "hp").
    public var symbol: String
    /// What it measures ("length", "power", "data").
    public var dimension: String
    /// How many SI units (``siSymbol``) one of it is; nil for units with an offset (temperatures).
    public var factor: Double?
    /// The SI unit the factor converts to ("m", "W", "B").
    public var siSymbol: String

    /// The unit a unit phrase ends with: "km", "square kilometres" (nil: a count, such as "people").
    public static func of(_ phrase: String) -> UnitOfMeasure? {
        let lowered = phrase.lowercased()
        let last = lowered.split(separator: " ").last.map(String.init) ?? lowered
        guard let unit = UnitTable.units[lowered] ?? UnitTable.units[last] else { return nil }
        // "square kilometres", "cubic metres": the table's unit is only the length.
        if lowered != last, lowered.hasPrefix("square ") || lowered.hasPrefix("cubic ") { return nil }
        return UnitOfMeasure(
            name: unit.name, symbol: unit.symbol, dimension: unit.dimension, factor: unit.factor == 0 ? nil : unit.factor,
            siSymbol: unit.siSymbol)
    }

    /// Every spelling in the table, for the lexicon.
    static var spellings: Dictionary<String, UnitTable.Unit>.Keys { UnitTable.units.keys }
}

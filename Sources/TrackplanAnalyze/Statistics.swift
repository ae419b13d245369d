import Foundation

/// The statistics of a 2×2 table of units: with or without a micro-conversion, converted or not.
///
///                 converted   not converted
///     with micro      a             b
///     without         c             d
public struct TwoByTwo: Sendable, Hashable {
    /// Units with the micro that converted.
    public var a: Int
    /// Units with the micro that did not convert.
    public var b: Int
    /// Units without the micro that converted.
    public var c: Int
    /// Units without the micro that did not convert.
    public var d: Int

    /// Creates a table.
    public init(a: Int, b: Int, c: Int, d: Int) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    /// Every unit.
    public var total: Int { a + b + c + d }
    /// Units with the micro.
    public var withMicro: Int { a + b }
    /// Units without it.
    public var withoutMicro: Int { c + d }
    /// Units that converted.
    public var converted: Int { a + c }

    /// The conversion rate with the micro (nil without units).
    public var rateWith: Double? { withMicro == 0 ? nil : Double(a) / Double(withMicro) }
    /// The conversion rate without it.
    public var rateWithout: Double? { withoutMicro == 0 ? nil : Double(c) / Double(withoutMicro) }

    /// The relative lift (risk ratio) rate with / rate without: `.infinity` when nobody without
    /// the micro converted but someone with it did; nil when undefined.
    public var lift: Double? {
        guard let with = rateWith, let without = rateWithout else { return nil }
        if without == 0 { return with == 0 ? nil : .infinity }
        return with / without
    }

    /// The 95% confidence interval of the lift (Katz's log method; with a zero cell, 0.5 is added
    /// to every cell first, Haldane–Anscombe).
    public var liftInterval: ClosedRange<Double>? {
        guard withMicro > 0, withoutMicro > 0 else { return nil }
        var (a, b, c, d) = (Double(self.a), Double(self.b), Double(self.c), Double(self.d))
        if a == 0 || b == 0 || c == 0 || d == 0 { (a, b, c, d) = (a + 0.5, b + 0.5, c + 0.5, d + 0.5) }
        let rr = (a / (a + b)) / (c / (c + d))
        let se = (1 / a - 1 / (a + b) + 1 / c - 1 / (c + d)).squareRoot()
        let z = 1.959963984540054
        return exp(log(rr) - z * se)...exp(log(rr) + z * se)
    }

    /// The phi coefficient: the correlation of the two yes/no variables (nil when a margin is empty).
    public var phi: Double? {
        let margins = Double(withMicro) * Double(withoutMicro) * Double(converted) * Double(b + d)
        guard margins > 0 else { return nil }
        return (Double(a) * Double(d) - Double(b) * Double(c)) / margins.squareRoot()
    }

    /// Pearson's chi-square statistic (1 degree of freedom, no continuity correction): n·phi².
    public var chiSquare: Double? { phi.map { Double(total) * $0 * $0 } }

    /// The chi-square test's p-value.
    public var pValue: Double? { chiSquare.map { erfc(($0 / 2).squareRoot()) } }
}

/// Benjamini–Hochberg: the q-value (false discovery rate) of each p-value, in the given order.
public func benjaminiHochberg(_ pValues: [Double?]) -> [Double?] {
    let ranked = pValues.enumerated().compactMap { index, p in p.map { (index, $0) } }.sorted { $0.1 < $1.1 }
    let m = Double(ranked.count)
    var q = [Double?](repeating: nil, count: pValues.count)
    var running = 1.0
    for (rank, (index, p)) in ranked.enumerated().reversed() {
        running = min(running, p * m / Double(rank + 1))
        q[index] = running
    }
    return q
}

import BigInt

/// `statistics`, as CPython 3.11's `Lib/statistics.py`: `mean`, `fmean`, `median` (and `_low` / `_high`), `mode`,
/// `quantiles`, `variance` / `pvariance`, `stdev` / `pstdev`, `StatisticsError`.
///
/// The order statistics are its own Python (they only sort and index). The means and spreads sum exactly, as
/// `_sum` and `_ss` do with `Fraction`s, here with ``ExactRatio``: so `mean` and `pvariance` return the correctly
/// rounded float of the exact value, an int when every item is an int and the result is whole (`_convert`), and
/// `stdev` / `pstdev` the correctly rounded square root (`_float_sqrt_of_frac`).
extension Interpreter {
    func statisticsModule() -> StdlibModuleSpec {
        var n: [String: Value] = ["StatisticsError": .object(ExceptionClass.statisticsError)]
        n["_mean"] = builtin("_mean") { i, a, _ in
            let data = try i.iterate(a.positional.first ?? .none)
            let (total, allInts) = try ExactRatio.sum(data)
            return (total / ExactRatio(BigInt(data.count))).converted(allInts: allInts)
        }
        n["_fsum_mean"] = builtin("_fsum_mean") { i, a, _ in
            let data = try i.iterate(a.positional.first ?? .none)
            let (total, _) = try ExactRatio.sum(data)
            return .float(total.double / Double(data.count))
        }
        // _spread(data, mu, ddof, root): the sum of square deviations over (n - ddof), as a value or its root.
        n["_spread"] = builtin("_spread") { i, a, _ in
            let data = try i.iterate(a.positional[0])
            let mu = a.positional[1]
            let ddof = try integer(a.positional[2])
            let root = a.positional[3].isTruthy
            let (ss, allInts) = try ExactRatio.squareDeviations(data, mu: mu)
            let mss = ss / ExactRatio(BigInt(data.count - ddof))
            return root ? .float(mss.squareRootDouble) : mss.converted(allInts: allInts)
        }
        return StdlibModuleSpec(natives: n, source: statisticsSource)
    }
}

/// The Python half of `statistics` (CPython's code for the order statistics, its messages for every function).
private let statisticsSource = """
    def _data(data, least, message):
        data = list(data)
        if len(data) < least:
            raise StatisticsError(message)
        return data

    def mean(data):
        return _mean(_data(data, 1, 'mean requires at least one data point'))

    def fmean(data, weights=None):
        if weights is not None:
            data = list(data)
            weights = list(weights)
            if len(data) != len(weights):
                raise StatisticsError('data and weights must be the same length')
            den = _fsum_mean(weights) * len(weights)
            if not den:
                raise StatisticsError('sum of weights must be non-zero')
            return _fsum_mean([x * w for x, w in zip(data, weights)]) * len(data) / den
        return _fsum_mean(_data(data, 1, 'fmean requires at least one data point'))

    def median(data):
        data = sorted(data)
        n = len(data)
        if n == 0:
            raise StatisticsError("no median for empty data")
        if n % 2 == 1:
            return data[n // 2]
        i = n // 2
        return (data[i - 1] + data[i]) / 2

    def median_low(data):
        data = sorted(data)
        n = len(data)
        if n == 0:
            raise StatisticsError("no median for empty data")
        if n % 2 == 1:
            return data[n // 2]
        return data[n // 2 - 1]

    def median_high(data):
        data = sorted(data)
        n = len(data)
        if n == 0:
            raise StatisticsError("no median for empty data")
        return data[n // 2]

    def mode(data):
        counts = {}
        for x in data:
            counts[x] = counts.get(x, 0) + 1
        if not counts:
            raise StatisticsError('no mode for empty data')
        best = None
        for x, c in counts.items():
            if best is None or c > counts[best]:
                best = x
        return best

    def multimode(data):
        counts = {}
        for x in data:
            counts[x] = counts.get(x, 0) + 1
        if not counts:
            return []
        most = max(counts.values())
        return [x for x, c in counts.items() if c == most]

    def quantiles(data, *, n=4, method='exclusive'):
        if n < 1:
            raise StatisticsError('n must be at least 1')
        data = sorted(data)
        ld = len(data)
        if ld < 2:
            raise StatisticsError('must have at least two data points')
        if method == 'inclusive':
            m = ld - 1
            result = []
            for i in range(1, n):
                j, delta = divmod(i * m, n)
                interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
                result.append(interpolated)
            return result
        if method == 'exclusive':
            m = ld + 1
            result = []
            for i in range(1, n):
                j = i * m // n
                j = 1 if j < 1 else ld-1 if j > ld-1 else j
                delta = i*m - j*n
                interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
                result.append(interpolated)
            return result
        raise ValueError(f'Unknown method: {method!r}')

    def variance(data, xbar=None):
        return _spread(_data(data, 2, 'variance requires at least two data points'), xbar, 1, False)

    def pvariance(data, mu=None):
        return _spread(_data(data, 1, 'pvariance requires at least one data point'), mu, 0, False)

    def stdev(data, xbar=None):
        return _spread(_data(data, 2, 'stdev requires at least two data points'), xbar, 1, True)

    def pstdev(data, mu=None):
        return _spread(_data(data, 1, 'pstdev requires at least one data point'), mu, 0, True)
    """

extension ExceptionClass {
    /// `statistics.StatisticsError`, a `ValueError`.
    static let statisticsError = ExceptionClass(name: "StatisticsError", module: "statistics", base: .valueError)
}

/// An exact fraction of big ints (CPython's `Fraction` in `statistics._sum`), denominator positive.
struct ExactRatio {
    var numerator: BigInt
    var denominator: BigInt
    /// inf or nan: a sum with a non-finite item has no exact value, and keeps the float one (CPython's `_sum`).
    var nonFinite: Double?

    init(nonFinite: Double) {
        self.numerator = 0
        self.denominator = 1
        self.nonFinite = nonFinite
    }

    init(_ numerator: BigInt, _ denominator: BigInt = 1) {
        let divisor = numerator.greatestCommonDivisor(with: denominator)
        let sign: BigInt = denominator.sign == .minus ? -1 : 1
        self.numerator = divisor.isZero ? numerator : numerator / divisor * sign
        self.denominator = divisor.isZero ? denominator : denominator / divisor * sign
    }

    /// The exact value of a finite float (`float.as_integer_ratio()`).
    init(_ d: Double) {
        guard d != 0 else {
            self.init(BigInt(0))
            return
        }
        let significand = BigInt(d.significandBitPattern | (d.isNormal ? 1 << 52 : 0))
        let exponent = Int(d.exponent) - 52
        let signed = d.sign == .minus ? -significand : significand
        if exponent >= 0 { self.init(signed << exponent) } else { self.init(signed, BigInt(1) << -exponent) }
    }

    /// The exact value of an int, bool or finite float; CPython's TypeError for anything else. nil for inf / nan.
    static func of(_ v: Value) throws -> (ExactRatio, isInt: Bool)? {
        switch v.numeric {
        case .int(let i): return (ExactRatio(BigInt(i)), true)
        case .big(let b): return (ExactRatio(b), true)
        case .float(let d): return d.isFinite ? (ExactRatio(d), false) : nil
        case nil: throw PythonError.typeError("can't convert type '\(v.typeName)' to numerator/denominator")
        }
    }

    static func + (a: ExactRatio, b: ExactRatio) -> ExactRatio {
        if a.nonFinite != nil || b.nonFinite != nil { return ExactRatio(nonFinite: a.double + b.double) }
        return ExactRatio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func - (a: ExactRatio, b: ExactRatio) -> ExactRatio {
        if a.nonFinite != nil || b.nonFinite != nil { return ExactRatio(nonFinite: a.double - b.double) }
        return ExactRatio(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func * (a: ExactRatio, b: ExactRatio) -> ExactRatio {
        if a.nonFinite != nil || b.nonFinite != nil { return ExactRatio(nonFinite: a.double * b.double) }
        return ExactRatio(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    static func / (a: ExactRatio, b: ExactRatio) -> ExactRatio {
        if a.nonFinite != nil || b.nonFinite != nil { return ExactRatio(nonFinite: a.double / b.double) }
        return ExactRatio(a.numerator * b.denominator, a.denominator * b.numerator)
    }

    /// `_sum`: the exact total, and whether every item was an int (so `_convert` may return an int). A non-finite
    /// float makes the float sum of the items (inf or nan), as CPython's.
    static func sum(_ data: [Value]) throws -> (ExactRatio, allInts: Bool) {
        var total = ExactRatio(BigInt(0))
        var allInts = true
        var nonFinite: Double?
        for item in data {
            guard let (ratio, isInt) = try of(item) else {
                nonFinite = (nonFinite ?? 0) + (try realNumber(item))
                allInts = false
                continue
            }
            total = total + ratio
            allInts = allInts && isInt
        }
        if let nonFinite { return (ExactRatio(nonFinite: nonFinite), false) }
        return (total, allInts)
    }

    /// `_ss`: the exact sum of squared deviations from the exact mean, or, with `mu`, of `(x - mu) * (x - mu)`
    /// computed as Python does (in float when either side is a float), then summed exactly.
    static func squareDeviations(_ data: [Value], mu: Value) throws -> (ExactRatio, allInts: Bool) {
        if mu.isNone {
            let (sx, allInts) = try sum(data)
            let count = ExactRatio(BigInt(data.count))
            var sxx = ExactRatio(BigInt(0))
            for item in data {
                if let (r, _) = try of(item) { sxx = sxx + r * r } else { return (ExactRatio(nonFinite: .nan), false) }
            }
            return ((count * sxx - sx * sx) / count, allInts)
        }
        let squares: [Value] = try data.map { x in
            switch (x.numeric, mu.numeric) {
            case (.float, _), (_, .float):
                let d = try realNumber(x) - realNumber(mu)
                return .float(d * d)
            default:
                guard let bx = x.bigInt, let bm = mu.bigInt else {
                    throw PythonError.typeError(
                        "unsupported operand type(s) for -: '\(x.typeName)' and '\(mu.typeName)'")
                }
                return .integer((bx - bm) * (bx - bm))
            }
        }
        return try sum(squares)
    }

    /// `_convert(value, T)`: an int when every item was an int and the value is whole, else the nearest float.
    func converted(allInts: Bool) -> Value {
        if let nonFinite { return .float(nonFinite) }
        if allInts && denominator == 1 { return .integer(numerator) }
        return .float(double)
    }

    /// The correctly rounded float (`int / int` in CPython rounds the exact quotient half-to-even).
    var double: Double {
        if let nonFinite { return nonFinite }
        return Self.roundedQuotient(numerator, denominator)
    }

    /// `_float_sqrt_of_frac`: the square root, correctly rounded (round-to-odd on 109 bits, then one rounding).
    var squareRootDouble: Double {
        if let nonFinite { return nonFinite.squareRoot() }
        let n = numerator, m = denominator
        let difference = n.magnitude.bitWidth - m.magnitude.bitWidth - (2 * 53 + 3)
        // Python's `//` floors.
        let q = difference >= 0 ? difference / 2 : -((-difference + 1) / 2)
        func rto(_ n: BigInt, _ m: BigInt) -> BigInt {
            let a = BigInt((n / m).magnitude.squareRoot())
            return a * a * m != n ? a | 1 : a
        }
        if q >= 0 { return Self.roundedQuotient(rto(n, m << (2 * q)) << q, 1) }
        return Self.roundedQuotient(rto(n << (-2 * q), m), BigInt(1) << -q)
    }

    /// `n / d` rounded to the nearest float, ties to even, from a 55-bit-or-more quotient and a sticky remainder.
    static func roundedQuotient(_ n: BigInt, _ d: BigInt) -> Double {
        if n.isZero { return 0 }
        let negative = (n.sign == .minus) != (d.sign == .minus)
        let a = n.magnitude, b = d.magnitude
        let shift = 55 - (a.bitWidth - b.bitWidth)
        let (q, r) = shift >= 0 ? (a << shift).quotientAndRemainder(dividingBy: b)
            : a.quotientAndRemainder(dividingBy: b << -shift)
        let extra = q.bitWidth - 53
        var top = q >> extra
        let low = q - (top << extra)
        let half = BigUInt(1) << (extra - 1)
        if low > half || (low == half && (!r.isZero || top & 1 == 1)) { top += 1 }
        let magnitude = Double(sign: .plus, exponent: extra - shift, significand: Double(top))
        return negative ? -magnitude : magnitude
    }
}

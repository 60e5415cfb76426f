import BigInt

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `math`: constants and the common functions, with CPython's errors for a bad domain ("math domain error").
extension Interpreter {
    func mathModule() -> StdlibModuleSpec {
        var n: [String: Value] = [
            "pi": .float(Double.pi), "e": .float(M_E), "tau": .float(2 * Double.pi), "inf": .float(.infinity),
            "nan": .float(.nan),
        ]
        func unary(_ name: String, domain: @escaping (Double) -> Bool = { _ in true }, _ f: @escaping (Double) -> Double) {
            n[name] = native(name) { a in
                guard a.positional.count == 1, a.keywords.isEmpty else {
                    throw PythonError.typeError("math.\(name)() takes exactly one argument (\(a.positional.count) given)")
                }
                let x = try realNumber(a.positional[0])
                guard domain(x) else { throw PythonError.valueError("math domain error") }
                return .float(f(x))
            }
        }
        unary("sqrt", domain: { $0 >= 0 || $0.isNaN }) { $0.squareRoot() }
        unary("exp") { exp($0) }
        unary("sin") { sin($0) }
        unary("cos") { cos($0) }
        unary("tan") { tan($0) }
        unary("atan") { atan($0) }
        unary("asin", domain: { abs($0) <= 1 }) { asin($0) }
        unary("acos", domain: { abs($0) <= 1 }) { acos($0) }
        unary("fabs") { abs($0) }
        unary("log2", domain: { $0 > 0 }) { log2($0) }
        unary("log10", domain: { $0 > 0 }) { log10($0) }
        unary("log1p", domain: { $0 > -1 }) { log1p($0) }
        unary("degrees") { $0 * 180 / Double.pi }
        unary("radians") { $0 * Double.pi / 180 }
        n["log"] = native("log") { a in
            let b = try a.bind("log", [Parameter("x"), Parameter("base", optional: true)])
            let x = try realNumber(b["x"])
            guard x > 0 else { throw PythonError.valueError("math domain error") }
            guard b.isGiven("base") else { return .float(log(x)) }
            let base = try realNumber(b["base"])
            guard base > 0, base != 1 else {
                if base == 1 { throw PythonError(.zeroDivisionError, "float division by zero") }
                throw PythonError.valueError("math domain error")
            }
            return .float(log(x) / log(base))
        }
        n["pow"] = native("pow") { a in
            guard a.positional.count == 2 else { throw PythonError.typeError("pow expected 2 arguments, got \(a.positional.count)") }
            return .float(pow(try realNumber(a.positional[0]), try realNumber(a.positional[1])))
        }
        n["atan2"] = native("atan2") { a in
            guard a.positional.count == 2 else { throw PythonError.typeError("atan2 expected 2 arguments, got \(a.positional.count)") }
            return .float(atan2(try realNumber(a.positional[0]), try realNumber(a.positional[1])))
        }
        n["hypot"] = native("hypot") { a in
            .float(try a.positional.map(realNumber).reduce(0) { $0 + $1 * $1 }.squareRoot())
        }
        func rounding(_ name: String, _ rule: FloatingPointRoundingRule) {
            n[name] = native(name) { a in
                guard a.positional.count == 1 else { throw PythonError.typeError("math.\(name)() takes exactly one argument (\(a.positional.count) given)") }
                if case .int = a.positional[0] { return a.positional[0] }
                if case .bool(let b) = a.positional[0] { return .int(b ? 1 : 0) }
                let x = try realNumber(a.positional[0])
                if x.isNaN { throw PythonError.valueError("cannot convert float NaN to integer") }
                if x.isInfinite { throw PythonError(.overflowError, "cannot convert float infinity to integer") }
                let r = x.rounded(rule)
                guard abs(r) < 9.2e18 else { return .object(BigIntObject(BigInt(r))) }
                return .int(Int(r))
            }
        }
        rounding("floor", .down)
        rounding("ceil", .up)
        rounding("trunc", .towardZero)
        n["isnan"] = native("isnan") { a in .bool(try realNumber(a.positional.first ?? .none).isNaN) }
        n["isinf"] = native("isinf") { a in .bool(try realNumber(a.positional.first ?? .none).isInfinite) }
        n["isfinite"] = native("isfinite") { a in .bool(try realNumber(a.positional.first ?? .none).isFinite) }
        n["isclose"] = native("isclose") { a in
            let b = try a.bind(
                "isclose",
                [Parameter("a"), Parameter("b"), Parameter("rel_tol", kind: .keywordOnly, default: .float(1e-9)),
                 Parameter("abs_tol", kind: .keywordOnly, default: .float(0))])
            let x = try realNumber(b["a"]), y = try realNumber(b["b"])
            if x == y { return .bool(true) }
            let diff = abs(x - y)
            let rel = try realNumber(b["rel_tol"])
            let absolute = try realNumber(b["abs_tol"])
            return .bool(diff <= abs(rel * y) || diff <= abs(rel * x) || diff <= absolute)
        }
        n["fsum"] = builtin("fsum") { i, a, _ in
            // Shewchuk's exact partial sums, as CPython's math_fsum: fsum([0.1] * 10) == 1.0.
            var partials: [Double] = []
            for x in try i.iterate(a.positional.first ?? .none).map(realNumber) {
                var x = x
                var kept: [Double] = []
                for var y in partials {
                    if abs(x) < abs(y) { swap(&x, &y) }
                    let high = x + y
                    let low = y - (high - x)
                    if low != 0 { kept.append(low) }
                    x = high
                }
                kept.append(x)
                partials = kept
            }
            return .float(partials.reduce(0, +))
        }
        n["gcd"] = native("gcd") { a in
            var g = 0
            for v in a.positional {
                var x = abs(try integer(v)), y = g
                while y != 0 { (x, y) = (y, x % y) }
                g = x
            }
            return .int(g)
        }
        n["factorial"] = native("factorial") { a in
            let x = try integer(a.positional.first ?? .none)
            guard x >= 0 else { throw PythonError.valueError("factorial() not defined for negative values") }
            var r = BigInt(1)
            if x > 1 { for k in 2...x { r *= BigInt(k) } }
            return r.bitWidth < 64 ? .int(Int(r)) : .object(BigIntObject(r))
        }
        n["prod"] = builtin("prod") { i, a, f in
            var total: Value = .int(1)
            for v in try i.iterate(a.positional.first ?? .none) { total = try await i.binaryOpAsync(.mul, total, v, f) }
            return total
        }
        n["copysign"] = native("copysign") { a in
            .float(Double(signOf: try realNumber(a.positional[1]), magnitudeOf: try realNumber(a.positional[0])))
        }
        return StdlibModuleSpec(natives: n)
    }
}

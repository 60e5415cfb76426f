import BigInt

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPython's Mersenne Twister (`Modules/_randommodule.c`): MT19937 seeded by `init_by_array` with the seed's
/// 32-bit words, `random()` from two outputs (53 bits), `getrandbits`, and `Lib/random.py`'s `_randbelow`
/// rejection loop, so that `random.seed(42)` followed by `random()`, `randint`, `choice`, `shuffle`, `sample`
/// and `uniform` gives CPython 3.11's exact numbers for int seeds.
struct MersenneTwister {
    private var mt = [UInt32](repeating: 0, count: 624)
    private var index = 625

    init(seedWords key: [UInt32]) {
        initGenrand(19_650_218)
        var i = 1
        var j = 0
        for _ in 0..<max(624, key.count) {
            let previous = mt[i - 1] ^ (mt[i - 1] >> 30)
            mt[i] = (mt[i] ^ (previous &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1
            j += 1
            if i >= 624 {
                mt[0] = mt[623]
                i = 1
            }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            let previous = mt[i - 1] ^ (mt[i - 1] >> 30)
            mt[i] = (mt[i] ^ (previous &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 {
                mt[0] = mt[623]
                i = 1
            }
        }
        mt[0] = 0x8000_0000
        index = 624
    }

    private mutating func initGenrand(_ s: UInt32) {
        mt[0] = s
        for i in 1..<624 {
            mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    mutating func next32() -> UInt32 {
        if index >= 624 {
            for k in 0..<624 {
                let y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % 624] & 0x7fff_ffff)
                mt[k] = mt[(k + 397) % 624] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908_b0df : 0)
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// `random()`: 53 random bits as a float in [0, 1).
    mutating func random() -> Double {
        let a = Double(next32() >> 5)
        let b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`: the low words first, the last one shifted down to what is left.
    mutating func bits(_ k: Int) -> BigUInt {
        if k <= 32 { return BigUInt(next32() >> (32 - UInt32(k))) }
        var result = BigUInt(0)
        var remaining = k
        var shift = 0
        while remaining > 0 {
            var r = next32()
            if remaining < 32 { r >>= (32 - UInt32(remaining)) }
            result |= BigUInt(r) << shift
            shift += 32
            remaining -= 32
        }
        return result
    }

    /// `_randbelow_with_getrandbits(n)`.
    mutating func below(_ n: BigUInt) -> BigUInt {
        let k = n.bitWidth  // BigUInt.bitWidth is the bit length (`n.bit_length()`)
        var r = bits(k)
        while r >= n { r = bits(k) }
        return r
    }

    mutating func below(_ n: Int) -> Int { Int(below(BigUInt(n))) }
}

/// `random.Random`: one generator and the functions of `Lib/random.py` over it.
final class RandomObject: PyObject {
    var generator: MersenneTwister

    init(seed: Value) throws {
        generator = MersenneTwister(seedWords: [0])
        try reseed(seed)
    }

    func reseed(_ seed: Value) throws {
        let n: BigUInt
        switch seed {
        case .none:
            var system = SystemRandomNumberGenerator()
            n = BigUInt(system.next() as UInt64)
        case .int(let i): n = BigUInt(i.magnitude)
        case .bool(let b): n = b ? 1 : 0
        case .object(let o as BigIntObject): n = o.value.magnitude
        case .float(let d): n = BigUInt(UInt64(bitPattern: Int64(d.hashValue)))
        case .str(let s): n = Self.seedNumber(Array(s.utf8))
        case .bytes(let b): n = Self.seedNumber(b)
        default:
            throw PythonError.typeError(
                "The only supported seed types are: None, int, float, str, bytes, and bytearray.")
        }
        var words: [UInt32] = []
        var rest = n
        repeat {
            words.append(UInt32(rest & 0xffff_ffff))
            rest >>= 32
        } while rest > 0
        generator = MersenneTwister(seedWords: words)
    }

    /// `Random.seed(a)` for str and bytes, version 2 (`Lib/random.py`): `int.from_bytes(a + sha512(a).digest())`.
    static func seedNumber(_ bytes: [UInt8]) -> BigUInt {
        (bytes + SHA512.digest(bytes)).reduce(BigUInt(0)) { ($0 << 8) | BigUInt($1) }
    }

    var pyTypeName: String { "Random" }
    func pyRepr() -> String { "<random.Random object at \(fakeAddress(self))>" }

    func randbelow(_ n: Value) -> Value {
        switch n {
        case .int(let k): return .int(generator.below(k))
        case .object(let o as BigIntObject): return bigValue(BigInt(generator.below(o.value.magnitude)))
        default: return .int(0)
        }
    }

    func randrange(_ a: Arguments) throws -> Value {
        let b = try a.bind(
            "randrange", [Parameter("start"), Parameter("stop", default: Value.none), Parameter("step", default: .int(1))])
        func big(_ v: Value) throws -> BigInt {
            switch v {
            case .int(let n): return BigInt(n)
            case .bool(let f): return f ? 1 : 0
            case .object(let o as BigIntObject): return o.value
            default: throw PythonError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
            }
        }
        let start = try big(b["start"])
        func below(_ n: BigInt) -> BigInt { BigInt(generator.below(n.magnitude)) }
        guard case .none = b["stop"] else {
            let stop = try big(b["stop"])
            let step = try big(b["step"])
            let width = stop - start
            if step == 1 {
                guard width > 0 else {
                    throw PythonError.valueError("empty range for randrange() (\(start), \(stop), \(width))")
                }
                return bigValue(start + below(width))
            }
            guard step != 0 else { throw PythonError.valueError("zero step for randrange()") }
            // Floor division, as Python's `//`.
            func floorDiv(_ x: BigInt, _ y: BigInt) -> BigInt {
                let (q, r) = x.quotientAndRemainder(dividingBy: y)
                return (r != 0 && (r < 0) != (y < 0)) ? q - 1 : q
            }
            let n = step > 0 ? floorDiv(width + step - 1, step) : floorDiv(width + step + 1, step)
            guard n > 0 else { throw PythonError.valueError("empty range for randrange()") }
            return bigValue(start + step * below(n))
        }
        guard start > 0 else { throw PythonError.valueError("empty range for randrange()") }
        return bigValue(below(start))
    }

    var attributeNames: [String] {
        ["choice", "choices", "getrandbits", "randint", "random", "randrange", "sample", "seed", "shuffle", "uniform"]
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "seed":
            return native("seed") { a in
                try self.reseed(try a.bind("seed", [Parameter("a", default: Value.none), Parameter("version", default: .int(2))])["a"])
                return .none
            }
        case "random": return native("random") { _ in .float(self.generator.random()) }
        case "uniform":
            return native("uniform") { a in
                let b = try a.bind("uniform", [Parameter("a"), Parameter("b")])
                let lo = try realNumber(b["a"]), hi = try realNumber(b["b"])
                return .float(lo + (hi - lo) * self.generator.random())
            }
        case "expovariate":
            return native("expovariate") { a in
                let lambd = try realNumber(try a.bind("expovariate", [Parameter("lambd", default: .float(1))])["lambd"])
                return .float(-log(1.0 - self.generator.random()) / lambd)
            }
        case "getrandbits":
            return native("getrandbits") { a in
                let k = try integer(try a.bind("getrandbits", [Parameter("k")])["k"])
                guard k >= 0 else { throw PythonError.valueError("number of bits must be non-negative") }
                if k == 0 { return .int(0) }
                return bigValue(BigInt(self.generator.bits(k)))
            }
        case "randrange": return native("randrange") { a in try self.randrange(a) }
        case "randint":
            return native("randint") { a in
                let b = try a.bind("randint", [Parameter("a"), Parameter("b")])
                let upper: Value
                switch b["b"] {
                case .int(let n) where n < Int.max: upper = .int(n + 1)
                case .object(let o as BigIntObject): upper = bigValue(o.value + 1)
                default: upper = b["b"]
                }
                return try self.randrange(Arguments(positional: [b["a"], upper]))
            }
        case "choice":
            return builtin("choice") { i, a, f in
                let seq = try a.bind("choice", [Parameter("seq")])["seq"]
                let items = try i.iterate(seq)
                guard !items.isEmpty else { throw PythonError.indexError("Cannot choose from an empty sequence") }
                return items[self.generator.below(items.count)]
            }
        case "choices":
            return builtin("choices") { i, a, f in
                let b = try a.bind(
                    "choices",
                    [Parameter("population"), Parameter("weights", default: Value.none),
                     Parameter("cum_weights", kind: .keywordOnly, default: Value.none),
                     Parameter("k", kind: .keywordOnly, default: .int(1))])
                let population = try i.iterate(b["population"])
                let k = try integer(b["k"])
                if case .none = b["weights"], case .none = b["cum_weights"] {
                    guard !population.isEmpty else { throw PythonError.indexError("Cannot choose from an empty sequence") }
                    let n = Double(population.count)
                    return .list(PyList((0..<max(0, k)).map { _ in population[Int(self.generator.random() * n)] }))
                }
                var cumulative: [Double] = []
                if case .none = b["cum_weights"] {
                    var total = 0.0
                    for w in try i.iterate(b["weights"]) {
                        total += try realNumber(w)
                        cumulative.append(total)
                    }
                } else {
                    cumulative = try i.iterate(b["cum_weights"]).map(realNumber)
                }
                guard cumulative.count == population.count else {
                    throw PythonError.valueError("The number of weights does not match the population")
                }
                let total = cumulative.last ?? 0
                return .list(PyList((0..<max(0, k)).map { _ in
                    let x = self.generator.random() * total
                    // bisect_right(cum_weights, x, 0, n - 1)
                    var lo = 0, hi = cumulative.count - 1
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if x < cumulative[mid] { hi = mid } else { lo = mid + 1 }
                    }
                    return population[lo]
                }))
            }
        case "shuffle":
            return native("shuffle") { a in
                guard case .list(let list) = try a.bind("shuffle", [Parameter("x")])["x"] else {
                    throw PythonError.typeError("'\(a.positional.first?.typeName ?? "NoneType")' object does not support item assignment")
                }
                var i = list.items.count - 1
                while i >= 1 {
                    let j = self.generator.below(i + 1)
                    list.items.swapAt(i, j)
                    i -= 1
                }
                return .none
            }
        case "sample":
            return builtin("sample") { i, a, _ in
                let b = try a.bind(
                    "sample", [Parameter("population"), Parameter("k"), Parameter("counts", kind: .keywordOnly, default: Value.none)])
                if case .object(let o as PySetObject) = b["population"] {
                    _ = o
                    throw PythonError.typeError(
                        "Population must be a sequence.  For dicts or sets, use sorted(d).")
                }
                let population = try i.iterate(b["population"])
                let n = population.count
                let k = try integer(b["k"])
                guard k >= 0 && k <= n else { throw PythonError.valueError("Sample larger than population or is negative") }
                var result: [Value] = []
                var setsize = 21
                if k > 5 {
                    // 4 ** ceil(log(k * 3, 4)), with CPython's float log.
                    setsize += Int(pow(4.0, ceil(log(Double(k * 3)) / log(4.0))))
                }
                if n <= setsize {
                    var pool = population
                    for step in 0..<k {
                        let j = self.generator.below(n - step)
                        result.append(pool[j])
                        pool[j] = pool[n - step - 1]
                    }
                } else {
                    var selected: Set<Int> = []
                    for _ in 0..<k {
                        var j = self.generator.below(n)
                        while selected.contains(j) { j = self.generator.below(n) }
                        selected.insert(j)
                        result.append(population[j])
                    }
                }
                return .list(PyList(result))
            }
        default: return nil
        }
    }
}

/// An int value from a BigInt: `.int` while it fits.
private func bigValue(_ b: BigInt) -> Value {
    if let small = Int(exactly: b) { return .int(small) }
    return .object(BigIntObject(b))
}

extension Interpreter {
    func randomModule() -> StdlibModuleSpec {
        guard let shared = try? RandomObject(seed: .none) else { return StdlibModuleSpec() }
        var n: [String: Value] = [:]
        for name in shared.attributeNames + ["expovariate"] {
            if let value = try? shared.getAttribute(name) { n[name] = value }
        }
        n["Random"] = .object(
            TypeObject("random.Random", shortName: "Random") { _, a, _ in
                .object(try RandomObject(seed: try a.bind("Random", [Parameter("x", default: Value.none)])["x"]))
            })
        return StdlibModuleSpec(natives: n)
    }
}

/// SplitMix64: a tiny seeded generator, so a fuzz run is reproducible from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Makes hostile variants of valid programs: byte and token edits, splices of two programs, deep nesting,
/// huge literals, random Unicode, unclosed brackets and strings, and odd indentation.
struct FuzzMutator {
    var rng: SplitMix64
    let corpus: [String]

    /// Small inputs only (shallower nesting, shorter literals), for the quick run in the test suite.
    let small: Bool

    init(seed: UInt64, corpus: [String], small: Bool = false) {
        rng = SplitMix64(seed: seed)
        self.corpus = corpus
        self.small = small
        if small { maxLength = 4_000 }
    }

    static let fragments: [String] = [
        "(", ")", "[", "]", "{", "}", ":", ",", ".", ";", "=", "==", "+=", "-", "*", "**", "/", "//", "%", "<", ">",
        "!=", "->", "@", "~", "|", "&", "^", "\\", "\\\n", "\n", "\n    ", "\t", " ", "'", "\"", "'''", "\"\"\"",
        "f'", "f\"{", "}", "b'", "r'", "#", "0", "1", "-1", "0x", "1e309", "1_000", "0.1", "1j", "_", "x", "e",
        "None", "True", "False", "not", "and", "or", "in", "is", "if", "elif", "else", "for", "while", "def",
        "async", "await", "return", "with", "as", "try", "except", "finally", "raise", "del", "pass", "break",
        "continue", "import", "from", "lambda", "class", "yield", "global", "nonlocal", "print", "len", "range",
        "asyncio", "httpx", "gather", "create_task", "sleep", "*args", "**kw", "self", "[x for x in y]",
        "@", "@deco", "{x for x in y}", "{1, 2}", "super()", "__init__", "2 ** 100", String(repeating: "9", count: 40), "[::-1]", "property",
        "yield ", "yield from ", "(x for x in y)", "next(", ".send(", ".throw(", ".close()", "async for ", "@contextmanager",
        "é", "创建", "\u{0}", "\u{FEFF}", "\u{200B}", "\r", "\r\n", "\u{0C}", "😀", "\u{301}",
    ]

    mutating func int(_ bound: Int) -> Int { Int.random(in: 0..<max(bound, 1), using: &rng) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }

    /// The longest input made, in Unicode scalars.
    var maxLength = 20_000

    /// One input: a corpus program with one mutation (half the time), two, or up to four; few mutations keep
    /// most inputs close enough to valid Python to reach the evaluator.
    mutating func next() -> String {
        var s = pick(corpus)
        let rounds = pick([1, 1, 1, 1, 1, 2, 2, 2, 3, 4])
        for _ in 0..<rounds { s = mutate(s) }
        if s.unicodeScalars.count > maxLength { s = String(String.UnicodeScalarView(s.unicodeScalars.prefix(maxLength))) }
        return s
    }

    mutating func mutate(_ source: String) -> String {
        var scalars = Array(source.unicodeScalars)
        switch int(12) {
        case 0, 1:  // byte-level: insert, delete or replace a few scalars
            for _ in 0...int(3) {
                let at = int(scalars.count + 1)
                switch int(3) {
                case 0: scalars.insert(contentsOf: pick(Self.fragments).unicodeScalars, at: at)
                case 1: if at < scalars.count { scalars.remove(at: at) }
                default: if at < scalars.count { scalars[at] = randomScalar() }
                }
            }
            return String(String.UnicodeScalarView(scalars))
        case 2, 3:  // token-level: drop, duplicate, swap or insert tokens
            var tokens = Self.tokens(source)
            for _ in 0...int(3) {
                let at = int(tokens.count)
                switch int(4) {
                case 0: if !tokens.isEmpty { tokens.remove(at: at) }
                case 1: if !tokens.isEmpty { tokens.insert(tokens[at], at: at) }
                case 2: if tokens.count > 1 { tokens.swapAt(at, int(tokens.count)) }
                default: tokens.insert(pick(Self.fragments), at: min(at, tokens.count))
                }
            }
            return tokens.joined()
        case 4:  // splice: the head of this program, the tail of another
            let other = Array(pick(corpus).unicodeScalars)
            let head = scalars.prefix(int(scalars.count + 1))
            let tail = other.suffix(int(other.count + 1))
            return String(String.UnicodeScalarView(Array(head) + Array(tail)))
        case 5:  // line splice
            var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let other = pick(corpus).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.insert(pick(other), at: int(lines.count + 1))
            return lines.joined(separator: "\n")
        case 6:  // deep nesting
            return nest(source)
        case 7:  // huge literals
            let huge = [
                String(repeating: "9", count: 1 + int(small ? 500 : 5000)), "1" + String(repeating: "0", count: 400) + ".0",
                "'" + String(repeating: "a", count: int(small ? 3000 : 50_000)) + "'", "10 ** 10 ** 10", "2 ** 62 * 4",
                "-9223372036854775808", "9223372036854775807 + 1", "'x' * 10 ** 9", "[0] * 99999999",
                "range(10 ** 18)", "list(range(10 ** 7))", "1e308 * 10", "-(2 ** 63)", "(-9223372036854775807 - 1) // -1",
                "(-9223372036854775807 - 1) % -1", "abs(-9223372036854775807 - 1)", "0x" + String(repeating: "f", count: 40),
            ]
            let at = int(scalars.count + 1)
            scalars.insert(contentsOf: pick(huge).unicodeScalars, at: at)
            return String(String.UnicodeScalarView(scalars))
        case 8:  // random Unicode
            for _ in 0...int(6) { scalars.insert(randomScalar(), at: int(scalars.count + 1)) }
            return String(String.UnicodeScalarView(scalars))
        case 9:  // unclosed: cut anywhere, maybe open a bracket or a string
            var cut = String(String.UnicodeScalarView(scalars.prefix(int(scalars.count + 1))))
            cut += pick(["", "(", "[", "{", "'", "\"", "'''", "\"\"\"", "f'{", "\\", ":", "(\n", "if x:\n"])
            return cut
        case 10:  // odd indentation
            var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard !lines.isEmpty else { return source }
            for _ in 0...int(2) {
                let i = int(lines.count)
                lines[i] = pick(["\t", " ", "   ", "        ", " \t", "\u{0C}", ""]) + lines[i]
                if int(3) == 0 { lines[i] = String(lines[i].drop(while: { $0 == " " })) }
            }
            return lines.joined(separator: "\n")
        default:  // a whole corpus program appended or prepended
            return int(2) == 0 ? source + "\n" + pick(corpus) : pick(corpus) + "\n" + source
        }
    }

    mutating func nest(_ source: String) -> String {
        let depth = small ? pick([10, 50, 99, 100, 101, 201]) : pick([10, 50, 99, 100, 101, 150, 199, 200, 201, 300, 1000, 3000])
        switch int(7) {
        case 0: return "x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        case 1: return "x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        case 2: return "x = " + String(repeating: "-", count: depth) + "1"
        case 3: return "x = " + String(repeating: "not ", count: depth) + "1"
        case 4:
            var out = ""
            for i in 0..<min(depth, 400) { out += String(repeating: " ", count: i) + "if True:\n" }
            return out + String(repeating: " ", count: min(depth, 400)) + "pass\n"
        case 5: return "x = 1" + String(repeating: " + 1", count: small ? depth : depth * 3)
        default:
            return "def f(n):\n    return f(n + 1) if n < \(small ? depth : depth * 3) else n\nprint(f(0))\n" + source
        }
    }

    mutating func randomScalar() -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x1_0000...0x10_FFFF]
        let range = pick(ranges)
        return Unicode.Scalar(UInt32.random(in: range, using: &rng)) ?? "?"
    }

    /// A crude tokenization (identifier or number runs, single other scalars) for token-level edits.
    static func tokens(_ source: String) -> [String] {
        var out: [String] = []
        var word = ""
        for c in source.unicodeScalars {
            if c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c) {
                word.unicodeScalars.append(c)
            } else {
                if !word.isEmpty { out.append(word); word = "" }
                out.append(String(c))
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }
}

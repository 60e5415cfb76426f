import BigInt

/// Turns Python source into tokens: INDENT/DEDENT from leading blanks, implicit line joining inside
/// brackets, `#` comments, string/bytes/f-string literals with escapes, and numbers with `_`.
///
/// Errors are `SyntaxError`s with CPython's messages ("'(' was never closed",
/// "unterminated string literal (detected at line 1)", "unindent does not match any outer indentation level").
struct Lexer {
    let scalars: [Unicode.Scalar]
    let lines: [String]
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private var tokens: [Token] = []
    /// The tokens read so far, e.g. up to an unclosed bracket at the end of the input.
    var tokensSoFar: [Token] { tokens }
    private var indents: [Int] = [0]
    private var brackets: [(Unicode.Scalar, SourceLocation)] = []
    private var atLineStart = true

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func sourceLine(_ n: Int) -> String { n >= 1 && n <= lines.count ? lines[n - 1] : "" }

    private var column: Int { pos - lineStart }
    private var location: SourceLocation { SourceLocation(line: line, column: column) }
    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        pos + offset < scalars.count ? scalars[pos + offset] : nil
    }

    func error(
        _ message: String,
        _ at: SourceLocation,
        kind: ExceptionClass = .syntaxError,
        incomplete: Bool = false,
        end: SourceLocation? = nil
    ) -> SyntaxError {
        var d = SyntaxError(
            message: message,
            line: at.line,
            column: at.column + 1,
            sourceLine: sourceLine(at.line),
            kind: kind
        )
        d.incompleteInput = incomplete
        if let end {
            // A range running onto a later line is underlined to the end of the first line.
            d.endColumn = end.line == at.line ? end.column + 1 : sourceLine(at.line).unicodeScalars.count + 1
        }
        return d
    }

    mutating func tokenize() throws -> [Token] {
        while true {
            if atLineStart && brackets.isEmpty {
                try handleIndentation()
                if pos >= scalars.count { break }
            }
            guard let c = peek() else { break }
            if c == " " || c == "\t" || c == "\u{0C}" {
                pos += 1
                continue
            }
            if c == "#" {
                while let d = peek(), d != "\n" { pos += 1 }
                continue
            }
            if c == "\\" {
                if peek(1) == "\n" {
                    pos += 2
                    line += 1
                    lineStart = pos
                    continue
                }
                if peek(1) == nil || (peek(1) == "\r" && peek(2) == nil) {
                    throw error("unexpected EOF while parsing", location, incomplete: true)
                }
                throw error("unexpected character after line continuation character", location)
            }
            if c == "\r" {
                pos += 1
                continue
            }
            if c == "\n" {
                if brackets.isEmpty {
                    add(.newline, "\n", location, SourceLocation(line: line, column: column + 1))
                    atLineStart = true
                }
                pos += 1
                line += 1
                lineStart = pos
                continue
            }
            if isIdentifierStart(c) {
                if let quoteAt = stringPrefixLength(), let q = peek(quoteAt), q == "'" || q == "\"" {
                    try lexString(prefixLength: quoteAt)
                } else {
                    lexName()
                }
                continue
            }
            if c == "'" || c == "\"" {
                try lexString(prefixLength: 0)
                continue
            }
            if isDigit(c) || (c == "." && peek(1).map(isDigit) == true) {
                try lexNumber()
                continue
            }
            try lexOperator()
        }
        if let (open, at) = brackets.last {
            throw error("'\(open)' was never closed", at, incomplete: true)
        }
        let end = location
        if let last = tokens.last, last.kind != .newline {
            add(.newline, "", end, end)
        }
        while indents.count > 1 {
            indents.removeLast()
            add(.dedent, "", end, end)
        }
        add(.eof, "", end, end)
        return tokens
    }

    private mutating func add(_ kind: Token.Kind, _ text: String, _ start: SourceLocation, _ end: SourceLocation) {
        tokens.append(Token(kind: kind, text: text, start: start, end: end))
    }

    /// Measures the indentation of a logical line; blank and comment-only lines produce nothing.
    private mutating func handleIndentation() throws {
        while true {
            var width = 0
            var p = pos
            while p < scalars.count {
                if scalars[p] == " " {
                    width += 1
                } else if scalars[p] == "\t" {
                    width = (width / 8 + 1) * 8
                } else if scalars[p] == "\u{0C}" {
                    width = 0
                } else {
                    break
                }
                p += 1
            }
            if p >= scalars.count {
                pos = p
                return
            }
            let c = scalars[p]
            if c == "#" || c == "\n" || (c == "\r" && p + 1 < scalars.count && scalars[p + 1] == "\n") {
                // blank line: skip it entirely
                while p < scalars.count && scalars[p] != "\n" { p += 1 }
                if p < scalars.count {
                    p += 1
                    line += 1
                    lineStart = p
                }
                pos = p
                continue
            }
            pos = p
            atLineStart = false
            let here = location
            if width > indents.last! {
                indents.append(width)
                if indents.count > 100 { throw error("too many levels of indentation", here, kind: .indentationError) }
                add(.indent, "", SourceLocation(line: line, column: 0), here)
            } else if width < indents.last! {
                while width < indents.last! {
                    indents.removeLast()
                    add(.dedent, "", here, here)
                }
                if width != indents.last! {
                    throw error("unindent does not match any outer indentation level", here, kind: .indentationError)
                }
            }
            return
        }
    }

    private mutating func lexName() {
        let start = location
        let begin = pos
        while let c = peek(), isIdentifierContinue(c) { pos += 1 }
        let text = String(String.UnicodeScalarView(scalars[begin..<pos]))
        add(.name, text, start, location)
    }

    /// If the identifier at `pos` is a string prefix (r, b, f, u, rb, br, fr, rf), its length.
    private func stringPrefixLength() -> Int? {
        var n = 0
        var letters = ""
        while let c = peek(n), n < 2, "rRbBfFuU".unicodeScalars.contains(c) {
            letters.unicodeScalars.append(c)
            n += 1
        }
        guard n > 0 else { return nil }
        let lower = letters.lowercased()
        let valid: Set<String> = ["r", "b", "f", "u", "rb", "br", "fr", "rf"]
        guard valid.contains(lower) else {
            if n == 2, valid.contains(String(lower.prefix(1))) { return 1 }
            return nil
        }
        return n
    }

    private mutating func lexString(prefixLength: Int) throws {
        let start = location
        var prefix = ""
        for i in 0..<prefixLength { prefix.unicodeScalars.append(scalars[pos + i]) }
        prefix = prefix.lowercased()
        pos += prefixLength
        let quote = peek()!
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        let raw = prefix.contains("r")
        let isBytes = prefix.contains("b")
        let isF = prefix.contains("f")
        var body = String.UnicodeScalarView()
        while true {
            guard let c = peek() else {
                if triple {
                    throw error(
                        "unterminated triple-quoted string literal (detected at line \(line))",
                        start,
                        incomplete: true
                    )
                }
                throw error("unterminated string literal (detected at line \(line))", start)
            }
            if c == "\n" && !triple {
                throw error("unterminated string literal (detected at line \(line))", start)
            }
            if c == quote {
                if !triple {
                    pos += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    pos += 3
                    break
                }
            }
            if c == "\\", let next = peek(1) {
                body.append(c)
                body.append(next)
                pos += 2
                if next == "\n" {
                    line += 1
                    lineStart = pos
                }
                continue
            }
            body.append(c)
            pos += 1
            if c == "\n" {
                line += 1
                lineStart = pos
            }
        }
        let text = String(body)
        let end = location
        if isF {
            add(.fstring(text, raw: raw), text, start, end)
        } else if isBytes {
            var bytes: [UInt8] = []
            let decoded = raw ? text : try unescape(text, at: start, bytes: true)
            for s in decoded.unicodeScalars {
                guard s.value < 256 else { throw error("bytes can only contain ASCII literal characters", start) }
                bytes.append(UInt8(s.value))
            }
            add(.bytes(bytes), text, start, end)
        } else {
            add(.string(raw ? text : try unescape(text, at: start, bytes: false)), text, start, end)
        }
    }

    /// Processes backslash escapes as CPython does; unknown escapes keep their backslash.
    func unescape(_ text: String, at: SourceLocation, bytes: Bool) throws -> String {
        var out = String.UnicodeScalarView()
        let s = Array(text.unicodeScalars)
        var i = 0
        func hexValue(_ count: Int, _ what: String) throws -> UInt32 {
            guard i + count <= s.count else {
                throw error("(unicode error) 'unicodeescape' codec can't decode bytes: truncated \(what) escape", at)
            }
            var v: UInt32 = 0
            for k in 0..<count {
                guard let d = UInt32(String(s[i + k]), radix: 16) else {
                    throw error(
                        "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \(what) escape",
                        at
                    )
                }
                v = v * 16 + d
            }
            i += count
            return v
        }
        while i < s.count {
            let c = s[i]
            guard c == "\\", i + 1 < s.count else {
                out.append(c)
                i += 1
                continue
            }
            let n = s[i + 1]
            i += 2
            switch n {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "x":
                out.append(Unicode.Scalar(try hexValue(2, "\\xXX"))!)
            case "u" where !bytes:
                if let u = Unicode.Scalar(try hexValue(4, "\\uXXXX")) { out.append(u) }
            case "U" where !bytes:
                if let u = Unicode.Scalar(try hexValue(8, "\\UXXXXXXXX")) { out.append(u) }
            case "0"..."7":
                var v = n.value - 48
                var k = 0
                while k < 2, i < s.count, ("0"..."7").contains(s[i]) {
                    v = v * 8 + s[i].value - 48
                    i += 1
                    k += 1
                }
                out.append(Unicode.Scalar(v)!)
            default:
                out.append("\\")
                out.append(n)
            }
        }
        return String(out)
    }

    private mutating func lexNumber() throws {
        let start = location
        let begin = pos
        if peek() == "0", let x = peek(1), "xXoObB".unicodeScalars.contains(x) {
            pos += 2
            let radix = (x == "x" || x == "X") ? 16 : (x == "o" || x == "O") ? 8 : 2
            var digits = ""
            while let c = peek(), isIdentifierContinue(c) {
                if c != "_" { digits.unicodeScalars.append(c) }
                pos += 1
            }
            if let v = Int(digits, radix: radix) {
                add(.int(v), text(begin), start, location)
            } else if !digits.isEmpty, let v = BigInt(digits, radix: radix), !digits.hasPrefix("-"), !digits.hasPrefix("+") {
                add(.bigInt(v), text(begin), start, location)
            } else {
                throw error("invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal", start)
            }
            return
        }
        var isFloat = false
        func digitRun() { while let c = peek(), isDigit(c) || (c == "_" && peek(1).map(isDigit) == true) { pos += 1 } }
        digitRun()
        if peek() == ".", !(peek(1).map(isIdentifierStart) ?? false) || peek(1) == "e" || peek(1) == "E" {
            isFloat = true
            pos += 1
            digitRun()
        }
        if let e = peek(), e == "e" || e == "E" {
            let save = pos
            pos += 1
            if let sign = peek(), sign == "+" || sign == "-" { pos += 1 }
            if let d = peek(), isDigit(d) {
                digitRun()
                isFloat = true
            } else {
                pos = save
            }
        }
        if let j = peek(), j == "j" || j == "J" {
            throw error(
                "complex numbers are not supported in PoolPlay's Python subset",
                start,
                kind: .notImplementedError
            )
        }
        if let c = peek(), isIdentifierStart(c) {
            throw error("invalid decimal literal", SourceLocation(line: start.line, column: column))
        }
        let literal = text(begin).replacingUnderscores()
        if isFloat {
            add(.float(Double(literal) ?? .infinity), text(begin), start, location)
        } else {
            if literal.count > 1 && literal.hasPrefix("0") && literal.contains(where: { $0 != "0" }) {
                throw error(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start
                )
            }
            if let v = Int(literal) {
                add(.int(v), text(begin), start, location)
            } else {
                if literal.count > BigIntObject.maxStrDigits {
                    throw error(
                        "Exceeds the limit (4300 digits) for integer string conversion: value has \(literal.count) digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                        start
                    )
                }
                add(.bigInt(BigInt(literal) ?? 0), text(begin), start, location)
            }
        }
    }

    private func text(_ begin: Int) -> String { String(String.UnicodeScalarView(scalars[begin..<pos])) }

    private static let operators3: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    private static let operators2: Set<String> = [
        "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=",
        "->",
    ]
    private static let operators1: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".",
        ";", "=",
    ]

    private mutating func lexOperator() throws {
        let start = location
        for length in [3, 2] {
            guard pos + length <= scalars.count else { continue }
            let candidate = text(pos, pos + length)
            if (length == 3 ? Lexer.operators3 : Lexer.operators2).contains(candidate) {
                pos += length
                add(.op, candidate, start, location)
                return
            }
        }
        let c = scalars[pos]
        guard Lexer.operators1.contains(c) else {
            if c == "!" { throw error("invalid syntax", start) }
            if c.value < 128 {
                throw error(
                    c == "$" || c == "?" || c == "`"
                        ? "invalid syntax" : "invalid character '\(c)' (U+\(hex(c.value, width: 4).uppercased()))",
                    start
                )
            }
            throw error("invalid character '\(c)' (U+\(hex(c.value, width: 4).uppercased()))", start)
        }
        pos += 1
        switch c {
        case "(", "[", "{":
            brackets.append((c, start))
            if brackets.count > 200 { throw error("too many nested parentheses", start) }
        case ")", "]", "}":
            let open: Unicode.Scalar = c == ")" ? "(" : c == "]" ? "[" : "{"
            guard let (top, topAt) = brackets.last else { throw error("unmatched '\(c)'", start) }
            if top != open {
                if topAt.line != start.line {
                    throw error(
                        "closing parenthesis '\(c)' does not match opening parenthesis '\(top)' on line \(topAt.line)",
                        start
                    )
                }
                throw error("closing parenthesis '\(c)' does not match opening parenthesis '\(top)'", start)
            }
            brackets.removeLast()
        default:
            break
        }
        add(.op, String(c), start, location)
    }

    private func text(_ begin: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[begin..<end])) }
}

func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c.value >= 128 && c.properties.isXIDStart)
}
func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
    isIdentifierStart(c) || isDigit(c) || (c.value >= 128 && c.properties.isXIDContinue)
}

extension String {
    func replacingUnderscores() -> String { String(unicodeScalars.filter { $0 != "_" }.map(Character.init)) }
}

import BigInt

/// A position in source: 1-based line, 0-based column in Unicode scalars.
struct SourceLocation: Equatable, Sendable {
    var line: Int
    var column: Int
    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A lexical token.
struct Token {
    enum Kind: Equatable {
        case name
        case int(Int)
        /// An integer literal beyond 64 bits.
        case bigInt(BigInt)
        case float(Double)
        case string(String)
        case bytes([UInt8])
        /// An f-string's raw body (escapes already processed in the literal parts is left to the parser).
        case fstring(String, raw: Bool)
        case op
        case newline
        case indent
        case dedent
        case eof
    }
    var kind: Kind
    var text: String
    var start: SourceLocation
    var end: SourceLocation

    func isOp(_ s: String) -> Bool { kind == .op && text == s }
    func isKeyword(_ s: String) -> Bool { kind == .name && text == s }
    var isName: Bool { kind == .name && !pythonKeywords.contains(text) }
}

let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]

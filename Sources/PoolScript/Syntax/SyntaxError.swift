/// A syntax error with a location; its ``diagnostic(fileName:)`` renders like CPython:
/// ```
///   File "<stdin>", line 1
///     x = (1 +
///         ^
/// SyntaxError: '(' was never closed
/// ```
/// `line` is 1-based; `column` is the 1-based column of the caret (in Unicode scalars).
public struct SyntaxError: Error {
    var message: String
    var line: Int
    var column: Int
    var sourceLine: String
    /// SyntaxError, IndentationError, or NotImplementedError for constructs outside the subset.
    var kind: ExceptionClass
    /// True when more input could complete the source (an open bracket, a block with no body yet).
    var incompleteInput = false
    /// The missing part is a block's continuation (a body, an `except`), which a blank line ends for good in the
    /// REPL; an open bracket, by contrast, survives blank lines.
    var incompleteBlock = false
    /// 1-based column just past the highlighted range (CPython 3.10+ underlines whole tokens: `^^^`).
    var endColumn: Int?
    /// CPython prints no caret for "unexpected indent".
    var showsCaret = true

    init(message: String, line: Int, column: Int, sourceLine: String, kind: ExceptionClass = .syntaxError) {
        self.message = message
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
        self.kind = kind
    }

    /// The error as a ``Diagnostic``: the source line with its leading blanks removed, and the carets' span in
    /// terminal columns (CPython 3.10+ underlines a whole token: `^^^`).
    public func diagnostic(fileName: String) -> Diagnostic {
        let scalars = Array(sourceLine.unicodeScalars)
        var leading = 0
        while leading < scalars.count, scalars[leading] == " " || scalars[leading] == "\t" { leading += 1 }
        var text = String(String.UnicodeScalarView(scalars[leading...]))
        while text.last == "\n" || text.last == "\r" || text.last == " " { text.removeLast() }
        var caret: Range<Int>?
        if showsCaret {
            let prefix = scalars[leading..<max(leading, min(scalars.count, column - 1))]
            let caretOffset = prefix.reduce(0) { $0 + displayWidth($1) }
            var carets = 1
            if let endColumn, endColumn > column {
                let range = scalars[min(scalars.count, column - 1)..<min(scalars.count, endColumn - 1)]
                carets = max(1, range.reduce(0) { $0 + displayWidth($1) })
            }
            caret = caretOffset..<(caretOffset + carets)
        }
        let location = Diagnostic.Location(fileName: fileName, line: line, sourceText: text, caret: caret)
        return Diagnostic(kind: .syntaxError, typeName: kind.qualifiedName, message: message, location: location)
    }

    /// The CPython rendering: file and line, the source line (leading blanks removed) indented by four,
    /// a caret under the column, then `Kind: message` (``Diagnostic/formatted()`` of ``diagnostic(fileName:)``).
    public func formatted(fileName: String) -> String {
        diagnostic(fileName: fileName).formatted()
    }
}

/// Terminal columns of one scalar: CJK and full-width forms take two (CPython 3.11 counts them so too).
func displayWidth(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
        return 2
    default:
        return 1
    }
}

extension SyntaxError: CustomStringConvertible {
    /// `SyntaxError: invalid syntax (line 1, column 5)`.
    public var description: String { "\(kind.qualifiedName): \(message) (line \(line), column \(column))" }
}

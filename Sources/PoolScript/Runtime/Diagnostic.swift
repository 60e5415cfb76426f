/// What went wrong, as a value: a syntax error with its caret, or an uncaught exception with its traceback, the
/// exceptions chained before it, the members of an exception group, and PoolPlay's notes (hints).
///
/// ``PythonError/diagnostic`` and ``SyntaxError/diagnostic(fileName:)`` produce it. It knows nothing of terminals:
/// ``lines()`` lays it out as CPython prints it, line by line, each span tagged with its ``Role``; ``formatted()``
/// is that layout as text (byte for byte what CPython writes to stderr), and a host that colours errors styles the
/// same layout by role, so both show the same characters.
public struct Diagnostic: Sendable, Hashable {
    /// What kind of report this is.
    public enum Kind: Sendable, Hashable {
        /// The source did not parse; ``Diagnostic/location`` says where.
        case syntaxError
        /// An exception escaped the program.
        case exception
        /// A warning (`UserWarning: …`): a line of its own, the program goes on.
        case warning
        /// A note with nothing wrong, printed as a `hint:` line.
        case hint
    }

    /// Where a syntax error is, with the source line as CPython shows it and the span its carets mark.
    public struct Location: Sendable, Hashable {
        /// `<stdin>` or the script's path.
        public var fileName: String
        /// 1-based.
        public var line: Int
        /// The source line without its leading blanks and trailing newline; empty when there is nothing to show.
        public var sourceText: String
        /// The carets' span in terminal columns of ``sourceText``; nil when CPython prints no caret
        /// ("unexpected indent").
        public var caret: Range<Int>?

        public init(fileName: String, line: Int, sourceText: String, caret: Range<Int>?) {
            self.fileName = fileName
            self.line = line
            self.sourceText = sourceText
            self.caret = caret
        }
    }

    /// One traceback entry, outermost first.
    public struct Frame: Sendable, Hashable {
        public var fileName: String
        public var line: Int
        /// `<module>`, a function's name.
        public var function: String
        /// The source line as shown (leading blanks removed); nil when the traceback shows none (`<stdin>`).
        public var sourceText: String?

        public init(fileName: String, line: Int, function: String, sourceText: String? = nil) {
            self.fileName = fileName
            self.line = line
            self.function = function
            self.sourceText = sourceText
        }
    }

    /// PoolPlay's words after the error (`  hint: …`); never part of the exception itself.
    public struct Note: Sendable, Hashable {
        /// The word before the colon: `hint`.
        public var label: String
        public var text: String

        public init(label: String, text: String) {
            self.label = label
            self.text = text
        }

        /// A `hint:` note.
        public static func hint(_ text: String) -> Note { Note(label: "hint", text: text) }
    }

    /// An exception printed before this one, and how CPython introduces the next.
    public struct Chained: Sendable, Hashable {
        public var diagnostic: Diagnostic
        /// True for `raise … from cause` ("The above exception was the direct cause …"); false for an exception
        /// raised while handling it ("During handling of the above exception …").
        public var isCause: Bool

        public init(diagnostic: Diagnostic, isCause: Bool) {
            self.diagnostic = diagnostic
            self.isCause = isCause
        }
    }

    public var kind: Kind
    /// The exception class as printed: `TypeError`, `httpx.PoolTimeout`, `IndentationError`.
    public var typeName: String
    /// `str(e)`, with CPython's "Did you mean" suggestion; may be empty (then the line is the bare type name).
    public var message: String
    /// Where a syntax error is; nil for exceptions.
    public var location: Location?
    /// The frames an exception unwound, outermost first.
    public var traceback: [Frame] = []
    /// The exception this one was raised from or while handling (at most one; printed first).
    public var chain: [Chained] = []
    /// The members of an exception group, each as the group's box shows it; nil when this is not a group.
    public var group: [Diagnostic]?
    /// PoolPlay's notes, printed after everything else.
    public var notes: [Note] = []

    public init(kind: Kind, typeName: String, message: String, location: Location? = nil) {
        self.kind = kind
        self.typeName = typeName
        self.message = message
        self.location = location
    }

    /// The text CPython prints: every line of ``lines()``, each ending in a newline.
    public func formatted() -> String {
        var out = ""
        for line in lines() { out += line.text + "\n" }
        return out
    }

    /// The last `File "…", line N` in `fileName` the text shows (the innermost frame there), counting chained
    /// exceptions and the group members shown, in the order they print.
    public func lastLine(in fileName: String) -> Int? {
        var found: Int?
        for chained in chain { found = chained.diagnostic.lastLine(in: fileName) ?? found }
        if let location, location.fileName == fileName { found = location.line }
        for frame in traceback where frame.fileName == fileName { found = frame.line }
        for member in (group ?? []).prefix(15) { found = member.lastLine(in: fileName) ?? found }
        return found
    }
}

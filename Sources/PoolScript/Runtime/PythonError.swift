/// A raised Python exception. Host code throws these; the interpreter catches them in try/except.
public struct PythonError: Error {
    public var type: ExceptionClass
    /// `str(e)`; may be empty (httpx.PoolTimeout has an empty message).
    public var message: String
    /// PoolPlay's teaching hint, printed after the error line ("  hint: …").
    public var hint: String?
    /// The closest existing name, for NameError and AttributeError. CPython 3.11 adds it only when it prints
    /// the traceback (`Lib/traceback.py`, `_compute_suggestion_error`), never to `str(e)`; ``summary`` shows it.
    var suggestion: String?
    /// Filled by the interpreter as the error unwinds, outermost call first.
    var traceback: [TracebackEntry] = []
    /// The exception this one was raised while handling (`__context__`), or its explicit `from` cause;
    /// at most one element (an array only because a struct cannot contain itself).
    var context: [PythonError] = []
    var contextIsCause = false
    /// `raise X from None`: `__cause__` is None and the context, kept as `__context__`, is not printed.
    var causeIsNone = false
    /// The frame that added the newest traceback entry, so a frame never records itself twice
    /// (an exception caught and re-raised in the same frame).
    var recordedFrame: ObjectIdentifier?
    private var payload = Payload()

    /// The Python-level arguments, when they are not just `(message,)`.
    var arguments: [Value]? {
        get { payload.arguments }
        set { payload.arguments = newValue }
    }
    /// Extra attributes of the exception object (`e.status_code`, `e.body` on openai's status errors).
    public var attributes: [String: Value] {
        get { payload.attributes }
        set { payload.attributes = newValue }
    }
    /// The instance that was raised, so `except ... as e` sees the same object.
    var instance: ExceptionInstance? {
        get { payload.instance }
        set { payload.instance = newValue }
    }

    /// Interpreter objects riding along with the error.
    ///
    /// `@unchecked Sendable` is safe because only the interpreter reads or writes these fields, and it does
    /// so only while holding its scheduler's turn (one Python task at a time); hosts see `type`, `message`,
    /// `hint` and `traceback` only.
    private struct Payload: @unchecked Sendable {
        var arguments: [Value]?
        var attributes: [String: Value] = [:]
        var instance: ExceptionInstance?
    }

    public init(_ type: ExceptionClass, _ message: String, hint: String? = nil) {
        self.type = type
        self.message = message
        self.hint = hint
    }

    /// `raise self from cause` in host code: `__cause__` (and `__context__`) is `cause`, and a traceback prints
    /// it first, then "The above exception was the direct cause of the following exception:".
    public mutating func setCause(_ cause: PythonError) {
        var cause = cause
        // One instance, so `e.__cause__ is e.__context__` and repeated reads give the same object.
        if cause.instance == nil { cause.instance = ExceptionInstance(cause) }
        context = [cause]
        contextIsCause = true
        causeIsNone = false
    }

    public static func typeError(_ m: String) -> PythonError { PythonError(.typeError, m) }
    public static func valueError(_ m: String) -> PythonError { PythonError(.valueError, m) }
    public static func attributeError(_ m: String) -> PythonError { PythonError(.attributeError, m) }
    static func runtimeError(_ m: String) -> PythonError { PythonError(.runtimeError, m) }
    static func nameError(_ m: String) -> PythonError { PythonError(.nameError, m) }
    public static func keyError(_ key: Value) -> PythonError {
        var e = PythonError(.keyError, key.repr())
        e.arguments = [key]
        return e
    }
    static func indexError(_ m: String) -> PythonError { PythonError(.indexError, m) }
    static func notImplementedError(_ m: String) -> PythonError { PythonError(.notImplementedError, m) }

    /// The last line of a traceback: "TypeError: message", or just the name when the message is empty.
    var summary: String {
        let text = message + (suggestion.map { ". Did you mean: '\($0)'?" } ?? "")
        return text.isEmpty ? type.qualifiedName : type.qualifiedName + ": " + text
    }

    /// CPython-style rendering:
    /// ```
    /// Traceback (most recent call last):
    ///   File "<stdin>", line 1, in <module>
    /// TypeError: OpenAI.__init__() got an unexpected keyword argument 'limits'
    /// ```
    /// then `  hint: …` when there is a hint. Source lines are shown for files, not for `<stdin>`.
    public func formatted() -> String {
        var out = ""
        if let context = context.first, !causeIsNone {
            out += context.formatted()
            out +=
                contextIsCause
                ? "\nThe above exception was the direct cause of the following exception:\n\n"
                : "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if let instance, instance.type.isGroup, !instance.groupItems.isEmpty {
            out += formattedGroup()
            if let hint { out += "  hint: " + hint + "\n" }
            return out
        }
        if !traceback.isEmpty {
            out += "Traceback (most recent call last):\n" + frameLines()
        }
        out += summary + "\n"
        if let hint { out += "  hint: " + hint + "\n" }
        return out
    }

    /// The traceback's `File …` lines (and source lines), with CPython's folding of repeated entries.
    func frameLines() -> String {
        var out = ""
        do {
            // CPython prints three identical consecutive entries, then "[Previous line repeated N more times]".
            var previous: TracebackEntry?
            var repeats = 0
            func flushRepeats() {
                if repeats > 3 {
                    let n = repeats - 3
                    out += "  [Previous line repeated \(n) more time\(n == 1 ? "" : "s")]\n"
                }
            }
            for entry in traceback {
                if entry == previous {
                    repeats += 1
                    if repeats > 3 { continue }
                } else {
                    flushRepeats()
                    previous = entry
                    repeats = 1
                }
                out += "  File \"\(entry.fileName)\", line \(entry.line), in \(entry.function)\n"
                if let source = entry.sourceLine, entry.fileName != "<stdin>" {
                    let trimmed = source.drop(while: { $0 == " " || $0 == "\t" })
                    if !trimmed.isEmpty { out += "    " + trimmed + "\n" }
                }
            }
            flushRepeats()
        }
        return out
    }
}

/// One frame of a traceback.
struct TracebackEntry: Sendable, Equatable {
    var fileName: String
    var line: Int
    var function: String
    var sourceLine: String?

    init(fileName: String, line: Int, function: String, sourceLine: String? = nil) {
        self.fileName = fileName
        self.line = line
        self.function = function
        self.sourceLine = sourceLine
    }
}

extension PythonError: CustomStringConvertible {
    /// The traceback's last line, e.g. `TypeError: 'int' object is not callable`.
    public var description: String { summary }
}

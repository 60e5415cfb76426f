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
        shownMessage.isEmpty ? type.qualifiedName : type.qualifiedName + ": " + shownMessage
    }

    /// `str(e)` and, as the traceback prints it, the "Did you mean" suggestion.
    var shownMessage: String { message + (suggestion.map { ". Did you mean: '\($0)'?" } ?? "") }

    /// CPython-style rendering:
    /// ```
    /// Traceback (most recent call last):
    ///   File "<stdin>", line 1, in <module>
    /// TypeError: OpenAI.__init__() got an unexpected keyword argument 'limits'
    /// ```
    /// then `  hint: …` when there is a hint (``Diagnostic/formatted()`` of ``diagnostic``). Source lines are shown
    /// for files, not for `<stdin>`.
    public func formatted() -> String {
        diagnostic.formatted()
    }

    /// The error as a ``Diagnostic``: the exception it was raised from or while handling (unless `from None`), its
    /// traceback, an exception group's members, and its hint as a note.
    public var diagnostic: Diagnostic {
        var result = report(instance: instance, asGroupMember: false)
        if let hint { result.notes.append(.hint(hint)) }
        return result
    }

    /// The report without the hint. A group nested in a group shows only its traceback, its line and its members
    /// (CPython's `format` recurses into `exceptions`, not into their chains); any other member shows everything.
    private func report(instance: ExceptionInstance?, asGroupMember: Bool) -> Diagnostic {
        var result = Diagnostic(kind: .exception, typeName: type.qualifiedName, message: shownMessage)
        result.traceback = traceback.map(\.frame)
        if let instance, instance.type.isGroup, asGroupMember || !instance.groupItems.isEmpty {
            result.group = instance.groupItems.map { item in
                let member = PythonError.of(item)
                return item.type.isGroup ? member.report(instance: item, asGroupMember: true) : member.diagnostic
            }
        }
        if !asGroupMember, let context = context.first, !causeIsNone {
            result.chain = [Diagnostic.Chained(diagnostic: context.diagnostic, isCause: contextIsCause)]
        }
        return result
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

    /// As a traceback shows it: the source line without its indentation, and none for `<stdin>`.
    var frame: Diagnostic.Frame {
        let shown = fileName == "<stdin>" ? nil : sourceLine.map { String($0.drop(while: { $0 == " " || $0 == "\t" })) }
        return Diagnostic.Frame(fileName: fileName, line: line, function: function, sourceText: shown)
    }
}

extension PythonError: CustomStringConvertible {
    /// The traceback's last line, e.g. `TypeError: 'int' object is not callable`.
    public var description: String { summary }
}

/// `ExceptionGroup` / `BaseExceptionGroup`: construction with CPython's checks, splitting for `except*`, and
/// the members a group's boxed traceback shows (`Diagnostic+Lines.swift` draws the box).
extension ExceptionInstance {
    /// The sub-exceptions of a group (its second argument).
    var groupItems: [ExceptionInstance] {
        guard args.count == 2 else { return [] }
        switch args[1] {
        case .list(let l): return l.items.compactMap { $0.object(as: ExceptionInstance.self) }
        case .tuple(let t): return t.compactMap { $0.object(as: ExceptionInstance.self) }
        default: return []
        }
    }

    /// Splits a group by `matches` on its leaves: the matching part and the rest, each a group with this one's
    /// message and nesting (nil when empty); the group itself when all of it matches (CPython's `split`).
    func split(_ matches: (ExceptionInstance) throws -> Bool) rethrows -> (match: ExceptionInstance?, rest: ExceptionInstance?) {
        var matched: [ExceptionInstance] = []
        var rest: [ExceptionInstance] = []
        for item in groupItems {
            if item.type.isGroup {
                let (m, r) = try item.split(matches)
                if let m { matched.append(m) }
                if let r { rest.append(r) }
            } else if try matches(item) {
                matched.append(item)
            } else {
                rest.append(item)
            }
        }
        if rest.isEmpty { return (self, nil) }
        if matched.isEmpty { return (nil, self) }
        return (derive(matched), derive(rest))
    }

    /// A group like this one with other sub-exceptions (`derive`): ExceptionGroup when all are Exceptions.
    func derive(_ items: [ExceptionInstance]) -> ExceptionInstance {
        let allExceptions = items.allSatisfy { $0.type.isSubclass(of: .exception) }
        let type: ExceptionClass = allExceptions ? .exceptionGroup : .baseExceptionGroup
        return ExceptionInstance(type: type, args: [args[0], .list(PyList(items.map { .object($0) }))])
    }

    /// The leaves, in order.
    var leaves: [ExceptionInstance] {
        type.isGroup ? groupItems.flatMap(\.leaves) : [self]
    }
}

/// `ExceptionGroup(message, exceptions)` and `BaseExceptionGroup(…)`, with CPython 3.11's errors.
func makeExceptionGroup(_ cls: ExceptionClass, _ arguments: Arguments) throws -> Value {
    if let first = arguments.keywords.first {
        throw PythonError.typeError("\(cls.name)() takes no keyword arguments: '\(first.name)'")
    }
    guard arguments.positional.count == 2 else {
        throw PythonError.typeError(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments (\(arguments.positional.count) given)"
        )
    }
    let message = arguments.positional[0]
    guard case .str = message else {
        throw PythonError.typeError("BaseExceptionGroup.__new__() argument 1 must be str, not \(message.typeName)")
    }
    let items: [Value]
    switch arguments.positional[1] {
    case .list(let l): items = l.items
    case .tuple(let t): items = t
    case .str(let text): items = text.unicodeScalars.map { .str(String($0)) }
    default: throw PythonError.typeError("second argument (exceptions) must be a sequence")
    }
    guard !items.isEmpty else { throw PythonError.valueError("second argument (exceptions) must be a non-empty sequence") }
    var allExceptions = true
    for (i, item) in items.enumerated() {
        guard case .object(let e as ExceptionInstance) = item else {
            throw PythonError.valueError("Item \(i) of second argument (exceptions) is not an exception")
        }
        if !e.type.isSubclass(of: .exception) { allExceptions = false }
    }
    var type = cls
    if cls === ExceptionClass.baseExceptionGroup && allExceptions { type = .exceptionGroup }
    if cls.isSubclass(of: .exception) && !allExceptions {
        throw PythonError.typeError("Cannot nest BaseExceptions in an ExceptionGroup")
    }
    return .object(ExceptionInstance(type: type, args: [message, arguments.positional[1]]))
}

extension PythonError {
    /// The error an exception instance stands for when printed inside a group.
    static func of(_ instance: ExceptionInstance) -> PythonError {
        if let error = instance.error { return error }
        var e = PythonError(instance.type, instance.message)
        e.instance = instance
        return e
    }
}

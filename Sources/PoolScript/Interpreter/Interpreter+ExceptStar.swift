/// `try … except* T as eg:` over exception groups, as CPython 3.11 runs it: each handler gets the part of the
/// group its types match (a naked exception is first wrapped in `ExceptionGroup('', (e,))`), what no handler
/// matched is re-raised at the end, and exceptions raised by handlers are raised together with it.
extension Interpreter {
    nonisolated(nonsending) func execTryStar(
        _ body: [Stmt],
        _ handlers: [ExceptHandler],
        _ orElse: [Stmt],
        _ finally: [Stmt],
        _ f: Frame
    ) async throws -> Flow {
        var flow = Flow.normal
        var pending: Error?
        var bodyCompleted = false
        do {
            flow = try await exec(body, f)
            bodyCompleted = true
        } catch {
            var caught = pythonError(from: error)
            f.record(&caught)
            do {
                pending = try await handleGroup(caught, handlers, f)
            } catch {
                pending = error
            }
        }
        return try await finishTry(
            flow: flow, pending: pending, bodyCompleted: bodyCompleted, orElse: orElse, finally: finally, f)
    }

    /// Runs the matching handlers; returns what is left to raise, if anything.
    private nonisolated(nonsending) func handleGroup(_ caught: PythonError, _ handlers: [ExceptHandler], _ f: Frame)
        async throws -> PythonError?
    {
        var caught = caught
        let original = caught.instance ?? ExceptionInstance(caught)
        caught.instance = original
        original.error = caught
        let naked = !original.type.isGroup
        let group: ExceptionInstance
        if naked {
            group = ExceptionInstance(type: original.type.isSubclass(of: .exception) ? .exceptionGroup : .baseExceptionGroup,
                                      args: [.str(""), .tuple([.object(original)])])
        } else {
            group = original
        }
        var remaining: ExceptionInstance? = group
        var raised: [PythonError] = []
        var reraised: [ExceptionInstance] = []
        for handler in handlers {
            guard let rest = remaining else { break }
            f.line = handler.location.line
            let spec = try await eval(handler.type!, f)
            try checkExceptStarType(spec)
            let (match, unmatched) = try rest.split { try instanceMatches($0, spec) }
            guard let match else { continue }
            remaining = unmatched
            var matchError = PythonError.of(match)
            matchError.instance = match
            matchError.traceback = caught.traceback
            match.error = matchError
            if let name = handler.name { bindingScope(name, f).vars[name] = .object(match) }
            let saved = f.handling
            f.handling = matchError
            defer {
                f.handling = saved
                if let name = handler.name { bindingScope(name, f).vars[name] = nil }
            }
            do {
                _ = try await exec(handler.body, f)
            } catch {
                var e = pythonError(from: error)
                if let instance = e.instance, instance === match {
                    reraised.append(match)
                } else {
                    if e.context.isEmpty && (!e.contextIsCause || e.causeIsNone) { e.context = [matchError] }
                    raised.append(e)
                }
            }
        }
        // The unhandled part: what no handler matched plus what a bare `raise` re-raised, in the original's shape.
        let keep = Set((remaining?.leaves ?? []).map(ObjectIdentifier.init) + reraised.flatMap(\.leaves).map(ObjectIdentifier.init))
        var unhandled: ExceptionInstance?
        if !keep.isEmpty {
            unhandled = group.split { keep.contains(ObjectIdentifier($0)) }.match
        }
        if raised.isEmpty {
            guard let unhandled else { return nil }
            if naked { return caught }
            if unhandled === original { return caught }
            var e = PythonError.of(unhandled)
            e.instance = unhandled
            e.traceback = caught.traceback
            e.recordedFrame = caught.recordedFrame
            e.context = caught.context
            return e
        }
        if raised.count == 1 && unhandled == nil { return raised[0] }
        var items: [Value] = raised.map { .object($0.instance ?? ExceptionInstance($0)) }
        for (i, e) in raised.enumerated() {
            if case .object(let instance as ExceptionInstance) = items[i] { instance.error = e }
        }
        if let unhandled {
            if naked {
                items.append(.object(original))
            } else {
                unhandled.error = nil
                items.append(.object(unhandled))
            }
        }
        let combined = try makeExceptionGroup(.baseExceptionGroup, Arguments(positional: [.str(""), .list(PyList(items))]))
        guard case .object(let instance as ExceptionInstance) = combined else { return nil }
        var e = instance.asError
        e.instance = instance
        return e
    }

    /// CPython refuses exception-group types in `except*`.
    private func checkExceptStarType(_ spec: Value) throws {
        switch spec {
        case .object(let c as ExceptionClass) where c.isGroup:
            throw PythonError.typeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
        case .tuple(let items):
            for item in items { try checkExceptStarType(item) }
        default: break
        }
    }

    /// True when an exception instance matches an `except` type, class or tuple of them.
    func instanceMatches(_ e: ExceptionInstance, _ spec: Value) throws -> Bool {
        switch spec {
        case .object(let c as ExceptionClass): return e.type.isSubclass(of: c)
        case .object(let c as ClassObject) where c.exceptionClass != nil: return e.type.isSubclass(of: c.exceptionClass!)
        case .tuple(let items):
            for item in items where try instanceMatches(e, item) { return true }
            return false
        default:
            throw PythonError.typeError("catching classes that do not inherit from BaseException is not allowed")
        }
    }
}

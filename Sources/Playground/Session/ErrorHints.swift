import PoolScript

/// PoolPlay's teaching hints for the errors learners actually meet. The error itself stays CPython's, word for
/// word; a hint is a separate `  hint:` line after it, and an error that already carries one keeps it.
enum ErrorHints {
    /// What the hint rules may consult: the session's callables' keyword names and the importable modules.
    struct Knowledge {
        var keywords: [String: [String]] = [:]
        var modules: [String] = []
    }

    /// The hint for `error`, if a rule applies.
    static func hint(for error: PythonError, knowing knowledge: Knowledge) -> String? {
        let message = error.message
        switch error.type.name {
        case "TypeError":
            if let (function, keyword) = unexpectedKeyword(message) {
                return misspeltKeyword(keyword, of: function, knowledge)
            }
            if message.hasPrefix("object of type 'coroutine' has no len()")
                || message.hasPrefix("object of type '_GatheringFuture' has no len()")
                || message.hasPrefix("'coroutine' object is not ") || message.hasPrefix("'_GatheringFuture' object is not ")
            {
                return forgottenAwait
            }
            if message.hasPrefix("object of type 'AsyncPaginator' has no len()")
                || message.hasPrefix("'AsyncPaginator' object is not ")
            {
                return forgottenPageAwait
            }
        case "AttributeError":
            if message.hasPrefix("'coroutine' object has no attribute ")
                || message.hasPrefix("'_GatheringFuture' object has no attribute ")
            {
                return forgottenAwait
            }
            if message.hasPrefix("'AsyncPaginator' object has no attribute ") { return forgottenPageAwait }
        case "NameError":
            guard let name = quotedName(in: message, after: "name ") else { return nil }
            if knowledge.modules.contains(name) { return "import it first: import \(name)" }
            if name == "clear" || name == "cls" { return "%clear (or Ctrl-L) clears the screen" }
        default:
            break
        }
        return nil
    }

    static let forgottenAwait =
        "this is a coroutine that has not run yet: did you forget await? (results = await asyncio.gather(...))"

    static let forgottenPageAwait =
        "AsyncOpenAI's list() returns a paginator that has not sent anything yet: did you forget await? "
        + "(page = await client.models.list(), or async for model in client.models.list())"

    /// `Limits.__init__() got an unexpected keyword argument 'max_conections'` → (`Limits.__init__`, `max_conections`).
    static func unexpectedKeyword(_ message: String) -> (function: String, keyword: String)? {
        guard let range = message.range(of: "() got an unexpected keyword argument '") else { return nil }
        let function = String(message[..<range.lowerBound])
        let keyword = message[range.upperBound...].dropLast()
        return keyword.isEmpty ? nil : (function, String(keyword))
    }

    private static func misspeltKeyword(_ keyword: String, of function: String, _ knowledge: Knowledge) -> String? {
        // `Limits.__init__` is the class `Limits`; `AsyncCompletions.create` is a method; `fetch` a function.
        var name = function
        if name.hasSuffix(".__init__") { name.removeLast(".__init__".count) }
        let owner = name.split(separator: ".").suffix(2)
        var candidates: Set<String> = []
        for (path, names) in knowledge.keywords {
            let parts = path.split(separator: ".")
            if parts.last == owner.last { candidates.formUnion(names) }
        }
        guard let best = closestName(to: keyword, among: candidates.sorted()) else { return nil }
        return "did you mean \(best)=?"
    }

    private static func quotedName(in message: String, after prefix: String) -> String? {
        guard message.hasPrefix(prefix + "'"), let end = message.dropFirst(prefix.count + 1).firstIndex(of: "'")
        else { return nil }
        return String(message[message.index(message.startIndex, offsetBy: prefix.count + 1)..<end])
    }
}

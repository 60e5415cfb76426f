extension Interpreter {
    /// Tab completion for the REPL: completes the last dotted name in `text` (`client.ht` →
    /// `client.http_client`) from globals, builtins and keywords, or from an object's `attributeNames`.
    /// Attribute chains are followed without calling anything.
    ///
    /// - Returns: full replacements for the dotted word at the end of `text`, sorted.
    func completions(_ text: String) -> [String] {
        let word = String(
            text.reversed().prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }).reversed()
        )
        var parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let prefix = parts.removeLast()
        var candidates: [String]
        if parts.isEmpty {
            candidates = Array(globals.keys) + Array(builtins.keys) + Array(pythonKeywords)
        } else {
            guard var value = globals[parts[0]] ?? builtins[parts[0]] else { return [] }
            for name in parts.dropFirst() {
                guard let next = try? getAttribute(value, name) else { return [] }
                value = next
            }
            if case .object(let o) = value {
                candidates = o.attributeNames
            } else {
                candidates = builtinMethodNames(value)
            }
        }
        let head = parts.isEmpty ? "" : parts.joined(separator: ".") + "."
        return Set(candidates.filter { $0.hasPrefix(prefix) && !($0.hasPrefix("_") && !prefix.hasPrefix("_")) })
            .sorted().map { head + $0 }
    }
}

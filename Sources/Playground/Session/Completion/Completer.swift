import LineEditing

/// TAB completion as a pure function of the line before the cursor and a ``CompletionModel``.
///
/// It returns full words that start with ``Completion/currentWord(in:)`` (the text after the last word break), as
/// ``Completion/action(lineBeforeCursor:candidates:isRepeatedTab:)`` expects:
/// - after `%`: magic names; after a magic's name, what that magic declares (``MagicArguments``);
/// - after `import` / `from … import`: module names, then a module's names;
/// - inside a call: the callee's keyword parameters as `name=` (those not given yet), then ordinary names;
/// - elsewhere: names and attribute paths, one level at a time (`htt` offers `httpx`, not `httpx.Limits`), with
///   `_private` names only once the typed part starts with `_`.
enum Completer {
    /// Lists a folder's entries (folders end in `/`); injected so tests need no file system.
    typealias ListFolder = @Sendable (String) -> [String]

    static func candidates(lineBeforeCursor line: String, model: CompletionModel, listFolder: ListFolder) -> [String] {
        let word = String(Completion.currentWord(in: line))
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("%") { return magicCandidates(String(trimmed.dropFirst()), word: word, model, listFolder) }
        if let module = importTarget(trimmed) {
            if let module { return matching(model.modules[module] ?? [], word) }
            return matching(model.modules.keys.sorted(), word)
        }
        var result: [String] = []
        if !word.contains("."), let callee = openCallee(line.dropLast(word.count)) {
            let given = givenKeywords(inCallAfter: line.dropLast(word.count))
            let names = model.keywords[callee] ?? []
            result += names.filter { !given.contains($0) }.map { $0 + "=" }.filter { $0.hasPrefix(word) }
        }
        let atStatementStart = trimmed.count == word.count
        return result + oneLevel(model.words + (atStatementStart ? model.statementWords : []), word)
    }

    // MARK: Magics

    private static func magicCandidates(
        _ text: String, word: String, _ model: CompletionModel, _ listFolder: ListFolder
    ) -> [String] {
        guard let space = text.firstIndex(of: " ") else {
            return matching(model.magics.map(\.name), word)
        }
        let name = String(text[..<space])
        guard let arguments = model.magics.first(where: { $0.name == name })?.arguments else { return [] }
        let token = String(text[text.index(after: space)...].split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        switch arguments {
        case .none: return []
        case .words(let words): return matching(words, word)
        case .facts(let make): return matching(make(model.facts), word)
        case .settings(let keys, let extra, let values):
            if let equals = token.firstIndex(of: "=") {
                return matching(values(String(token[..<equals])), word)
            }
            return matching(keys.map { $0 + "=" } + extra, word)
        case .files:
            let folder = token.lastIndex(of: "/").map { String(token[...$0]) } ?? ""
            return matching(listFolder(folder), word)
        }
    }

    // MARK: Imports

    /// `import ht` → `.some(nil)` (module names); `from openai import D` → `.some("openai")`; otherwise nil.
    private static func importTarget(_ line: Substring) -> String?? {
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        if words.first == "import", words.count == 2 || (words.count > 2 && words.dropFirst().allSatisfy { !$0.isEmpty }) {
            return .some(nil)
        }
        if words.first == "from" {
            if words.count == 2 { return .some(nil) }
            if words.count >= 4, words[2] == "import" { return .some(String(words[1])) }
        }
        return nil
    }

    // MARK: Calls

    /// The callee of the innermost call still open at the end of `text` (`httpx.Limits` in `x = httpx.Limits(a=1, `).
    static func openCallee(_ text: Substring) -> String? {
        var depth = 0
        var quote: Character?
        var openings: [String.Index] = []
        for index in text.indices {
            let c = text[index]
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"": quote = c
            case "(", "[", "{":
                openings.append(index)
                depth += 1
            case ")", "]", "}":
                if !openings.isEmpty { openings.removeLast() }
                depth -= 1
            default: break
            }
        }
        guard quote == nil, let open = openings.last, text[open] == "(" else { return nil }
        let before = text[..<open]
        let callee = before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        let name = String(callee.reversed())
        return name.isEmpty || name.first!.isNumber ? nil : name
    }

    /// Keyword names already written in the innermost open call (`timeout` in `f(timeout=1, `).
    static func givenKeywords(inCallAfter text: Substring) -> Set<String> {
        guard let open = text.lastIndex(of: "(") else { return [] }
        var names: Set<String> = []
        for part in text[text.index(after: open)...].split(separator: ",") {
            let piece = part.trimmingPrefix(while: { $0 == " " })
            if let equals = piece.firstIndex(of: "="), piece[equals...].dropFirst().first != "=" {
                let name = piece[..<equals].trimmingSuffix(while: { $0 == " " })
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(String(name)) }
            }
        }
        return names
    }

    // MARK: Words

    private static func matching(_ words: [String], _ word: String) -> [String] {
        words.filter { $0.hasPrefix(word) && $0 != word }
    }

    /// Words one level below what is typed: as many dots as the word, private names only when asked for.
    static func oneLevel(_ words: [String], _ word: String) -> [String] {
        let dots = word.count { $0 == "." }
        let typedLast = word.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
        let wantPrivate = typedLast.hasPrefix("_")
        return words.filter { candidate in
            guard candidate.hasPrefix(word), candidate != word, candidate.count { $0 == "." } == dots else { return false }
            let last = candidate.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
            return wantPrivate || !last.hasPrefix("_")
        }
    }
}

extension Substring {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring { drop(while: predicate) }
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[..<end]
    }
}

extension ParsedSource {
    /// One top-level statement of a module, for hosts that run and report per statement (`poolplay run --json`).
    public struct TopLevelStatement {
        /// 1-based first and last line: decorator lines (`@…`) above a definition belong to it, and trailing blank
        /// and comment lines to the statement before them.
        public let first: Int
        public let last: Int
        /// The statement alone, over the whole module's source (so tracebacks show the file's lines); run it with
        /// `Interpreter.run(_:fileName:mode:)`.
        public let parsed: ParsedSource
    }

    /// The top-level statements in order, from this one parse; or the syntax error that keeps the module from
    /// parsing.
    public var topLevelStatements: Result<[TopLevelStatement], SyntaxError> {
        let statements: [Stmt]
        switch outcome {
        case .statements(let parsed): statements = parsed
        case .syntaxError(let error): return .failure(error)
        case .failure: return .success([])
        }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var starts = statements.map(\.location.line)
        for index in starts.indices {
            while starts[index] > 1, lines[starts[index] - 2].drop { $0 == " " }.hasPrefix("@") { starts[index] -= 1 }
        }
        var result: [TopLevelStatement] = []
        for (index, start) in starts.enumerated() {
            var end = index + 1 < starts.count ? starts[index + 1] - 1 : lines.count
            while end > start {
                let text = lines[end - 1].drop { $0 == " " || $0 == "\t" }
                if text.isEmpty || text.hasPrefix("#") { end -= 1 } else { break }
            }
            result.append(TopLevelStatement(first: start, last: end, parsed: ParsedSource(source: source, statements: [statements[index]])))
        }
        return .success(result)
    }
}

extension SyntaxError {
    /// The message, without the kind (`invalid syntax`), for hosts that report errors as data.
    public var reportedMessage: String { message }
    /// The 1-based line of the error.
    public var reportedLine: Int { line }
    /// The exception class CPython raises: `SyntaxError` or `IndentationError`.
    public var reportedKind: String { kind.qualifiedName }
}

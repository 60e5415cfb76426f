/// The top-level statements of a module, as line ranges of its source, for hosts that report per statement
/// (`poolplay run --json`).
///
/// Each statement runs from its first line to the line before the next one, with trailing blank and comment lines
/// left to it, and decorator lines (`@…`) above a definition given to that definition.
///
/// - Returns: 1-based `(first, last)` line numbers in order, or the syntax error that keeps the module from parsing.
public func topLevelStatementLines(_ source: String) -> Result<[(first: Int, last: Int)], Diagnostic> {
    let statements: [Stmt]
    do {
        statements = try Parser.parseModule(source)
    } catch let diagnostic as Diagnostic {
        return .failure(diagnostic)
    } catch {
        return .success([])
    }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    var starts = statements.map(\.location.line)
    for index in starts.indices {
        while starts[index] > 1, lines[starts[index] - 2].drop { $0 == " " }.hasPrefix("@") { starts[index] -= 1 }
    }
    var ranges: [(first: Int, last: Int)] = []
    for (index, start) in starts.enumerated() {
        var end = index + 1 < starts.count ? starts[index + 1] - 1 : lines.count
        while end > start {
            let text = lines[end - 1].drop { $0 == " " || $0 == "\t" }
            if text.isEmpty || text.hasPrefix("#") { end -= 1 } else { break }
        }
        ranges.append((start, end))
    }
    return .success(ranges)
}

extension Diagnostic {
    /// The message, without the kind (`invalid syntax`), for hosts that report errors as data.
    public var reportedMessage: String { message }
    /// The 1-based line of the error.
    public var reportedLine: Int { line }
    /// The exception class CPython raises: `SyntaxError` or `IndentationError`.
    public var reportedKind: String { kind.qualifiedName }
}

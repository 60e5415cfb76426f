/// For the REPL's continuation prompt.
public enum InputStatus: Sendable { case complete, incomplete, invalid }

/// Whether `source` is a complete interactive input, as CPython's interactive mode decides:
/// an open bracket or triple-quoted string, a trailing backslash, a header ending in ':' with no body yet,
/// or a compound statement not yet closed by a blank line are `.incomplete`; other syntax errors are
/// `.invalid`.
///
/// Pass the lines typed so far joined by "\n", without a trailing newline: an empty last line (the source
/// ends in "\n") is the blank line that closes a block.
public func inputStatus(_ source: String) -> InputStatus {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    let endsWithBlankLine = lines.count >= 2 && lines.last!.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" })
    do {
        let statements = try Parser.parseModule(source)
        let hasCompound = statements.contains { s in
            switch s.kind {
            case .ifElse, .whileLoop, .forLoop, .function, .tryExcept, .with: return true
            default: return false
            }
        }
        if hasCompound && !endsWithBlankLine {
            // Even a one-line compound statement (`if x: pass`) waits for a blank line in CPython.
            return .incomplete
        }
        return .complete
    } catch let d as Diagnostic {
        // A blank line right after `if x:` is an IndentationError in CPython's REPL, not a continuation.
        if (d.kind === ExceptionClass.indentationError || d.incompleteBlock) && endsWithBlankLine { return .invalid }
        return d.incompleteInput ? .incomplete : .invalid
    } catch {
        return .invalid
    }
}

/// Parses the body of a lesson file — everything after the front matter — into ``Step``s.
///
/// The subset, line by line (only lines starting in column 1 are special):
///
/// | line | meaning |
/// |---|---|
/// | `## Title` | starts a step |
/// | ```` ```python ```` … ```` ``` ```` | code to try (`py`, `python3` also accepted) |
/// | ```` ```text ```` … ```` ``` ```` (any other info string) | kept verbatim in the step text |
/// | `check: EXPR` | the step's goal, at most one per step |
/// | `goal: TEXT` | the step's one-line goal (`%goal`), at most one per step |
/// | `hint: TEXT` | a hint; any number, revealed in order |
/// | `solution:` then a ```` ```python ```` block | the solution, at most one per step |
/// | `wrong:` then a ```` ```python ```` block | a plausible mistake that must leave the check false; any number |
/// | `expect: EXPR` | a number the prose quotes, true after the solution; any number |
/// | anything else | explanation text |
///
/// A step has a check and a solution, or neither. A `# Title` line is rejected (the title lives in the
/// front matter), and so is text before the first step. Directive names are lower-case; `Hint:` at the
/// start of a line is reported rather than silently shown as prose.
struct LessonBodyParser {
    /// The file name used in errors.
    let file: String

    /// Fence info strings that mark Python to try.
    static let pythonInfoStrings: Set<String> = ["python", "py", "python3"]

    private struct Draft {
        var title: String
        var line: Int
        var textLines: [String] = []
        var tryCode: [String] = []
        var check: (expression: String, line: Int)?
        var hints: [String] = []
        var solution: (code: String, line: Int)?
        var goal: (text: String, line: Int)?
        var wrongs: [(code: String, line: Int)] = []
        var expects: [(expression: String, line: Int)] = []
        /// Prose lines since the last code block.
        var proseLines: [String] = []
        var blocks: [Step.Block] = []

        mutating func closeProse() {
            let prose = LessonBodyParser.normalise(proseLines)
            if !prose.isEmpty { blocks.append(.prose(prose)) }
            proseLines = []
        }
    }

    private var steps: [Step] = []
    private var draft: Draft?

    init(file: String) {
        self.file = file
    }

    /// Parses `lines[start...]`.
    ///
    /// - Parameters:
    ///   - lines: All lines of the file (so that indices map to line numbers: index `i` is line `i + 1`).
    ///   - start: The index of the first body line.
    /// - Returns: The steps, in order.
    /// - Throws: ``LessonLoadError`` at the first problem.
    mutating func parse(lines: [String], from start: Int) throws -> [Step] {
        var index = start
        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            if line.hasPrefix("```") {
                let info = line.dropFirst(3).trimmingWhitespace().lowercased()
                let (code, closing) = try readFence(lines, openingAt: index)
                guard draft != nil else { throw error(lineNumber, "code before the first '## Step' heading") }
                if Self.pythonInfoStrings.contains(info) {
                    draft?.tryCode.append(code)
                    draft?.closeProse()
                    draft?.blocks.append(.code(code))
                } else {
                    draft?.textLines.append(contentsOf: lines[index...closing])
                    draft?.proseLines.append(contentsOf: lines[index...closing])
                }
                index = closing + 1
                continue
            }
            if line == "##" || line.hasPrefix("## ") {
                try finishDraft()
                let title = line.dropFirst(2).trimmingWhitespace()
                guard !title.isEmpty else { throw error(lineNumber, "a step heading needs a title: '## Title'") }
                draft = Draft(title: title, line: lineNumber)
            } else if line == "#" || line.hasPrefix("# ") {
                throw error(
                    lineNumber,
                    "'# ' headings are not used: the lesson title comes from 'title:' and steps start with '## '"
                )
            } else if let (name, value) = try directive(line, lineNumber: lineNumber) {
                guard draft != nil else { throw error(lineNumber, "'\(name):' before the first '## Step' heading") }
                index = try apply(directive: name, value: value, lines: lines, at: index)
                continue
            } else if !line.trimmingWhitespace().isEmpty {
                guard draft != nil else {
                    throw error(
                        lineNumber,
                        "text before the first '## Step' heading; put the introduction in 'summary:' or a first step"
                    )
                }
                draft?.textLines.append(line)
                draft?.proseLines.append(line)
            } else {
                draft?.textLines.append("")
                draft?.proseLines.append("")
            }
            index += 1
        }
        try finishDraft()
        return steps
    }

    /// Handles a `check:`, `hint:` or `solution:` line; returns the index of the next line to read.
    private mutating func apply(directive name: String, value: String, lines: [String], at index: Int) throws -> Int {
        let lineNumber = index + 1
        let title = draft?.title ?? ""
        switch name {
        case "check":
            guard !value.isEmpty else { throw error(lineNumber, "'check:' needs a Python expression after it") }
            if let first = draft?.check {
                throw error(lineNumber, "step '\(title)' has a second check (the first is on line \(first.line))")
            }
            draft?.check = (value, lineNumber)
            return index + 1
        case "goal":
            guard !value.isEmpty else { throw error(lineNumber, "'goal:' needs one line of text after it") }
            if let first = draft?.goal {
                throw error(lineNumber, "step '\(title)' has a second goal (the first is on line \(first.line))")
            }
            draft?.goal = (value, lineNumber)
            return index + 1
        case "hint":
            guard !value.isEmpty else { throw error(lineNumber, "'hint:' needs text after it") }
            draft?.hints.append(value)
            return index + 1
        case "expect":
            guard !value.isEmpty else { throw error(lineNumber, "'expect:' needs a Python expression after it") }
            draft?.expects.append((value, lineNumber))
            return index + 1
        default:  // "solution", "wrong"
            guard value.isEmpty else {
                throw error(lineNumber, "put the \(name) in a ```python block on the lines after '\(name):'")
            }
            if name == "solution", let first = draft?.solution {
                throw error(lineNumber, "step '\(title)' has a second solution (the first is on line \(first.line))")
            }
            var fence = index + 1
            while fence < lines.count, lines[fence].trimmingWhitespace().isEmpty { fence += 1 }
            let info =
                fence < lines.count && lines[fence].hasPrefix("```")
                ? lines[fence].dropFirst(3).trimmingWhitespace().lowercased() : nil
            guard let info, Self.pythonInfoStrings.contains(info) else {
                throw error(lineNumber, "'\(name):' must be followed by a ```python block")
            }
            let (code, closing) = try readFence(lines, openingAt: fence)
            guard !code.trimmingWhitespace().isEmpty else { throw error(fence + 1, "the \(name) block is empty") }
            if name == "solution" {
                draft?.solution = (code, lineNumber)
            } else {
                draft?.wrongs.append((code, lineNumber))
            }
            return closing + 1
        }
    }

    /// Recognises `name: value` for the three directives; throws on a wrongly-cased one.
    private func directive(_ line: String, lineNumber: Int) throws -> (String, String)? {
        for name in ["check", "goal", "hint", "solution", "wrong", "expect"] {
            let prefix = line.prefix(name.count)
            guard prefix.lowercased() == name else { continue }
            let rest = line.dropFirst(name.count)
            let afterSpaces = rest.drop { $0 == " " || $0 == "\t" }
            guard afterSpaces.first == ":" else { continue }
            guard prefix == name, rest.first == ":" else {
                throw error(lineNumber, "write '\(name):' in lower case with no space before the colon")
            }
            return (name, afterSpaces.dropFirst().trimmingWhitespace())
        }
        return nil
    }

    /// Reads a fenced block; returns its content (without fences) and the closing fence's index.
    private func readFence(_ lines: [String], openingAt opening: Int) throws -> (String, Int) {
        var index = opening + 1
        while index < lines.count {
            if lines[index].trimmingWhitespace() == "```" {
                return (lines[(opening + 1)..<index].joined(separator: "\n"), index)
            }
            index += 1
        }
        throw error(opening + 1, "the code block opened here is never closed by a '```' line")
    }

    /// Validates the step being built and appends it to ``steps``.
    private mutating func finishDraft() throws {
        guard var draft else { return }
        draft.closeProse()
        self.draft = nil
        let title = draft.title
        if let solution = draft.solution, draft.check == nil {
            throw error(solution.line, "step '\(title)' has a solution but no check")
        }
        if let check = draft.check, draft.solution == nil {
            throw error(
                check.line,
                "step '\(title)' has a check but no solution (the test suite replays every solution against its check)"
            )
        }
        if draft.check == nil, let wrong = draft.wrongs.first {
            throw error(wrong.line, "step '\(title)' has a 'wrong:' but no check for it to leave false")
        }
        if draft.check == nil, let expect = draft.expects.first {
            throw error(expect.line, "step '\(title)' has an 'expect:' but no check and solution to run before it")
        }
        let text = Self.normalise(draft.textLines)
        if text.isEmpty, draft.tryCode.isEmpty, draft.check == nil {
            throw error(draft.line, "step '\(title)' is empty")
        }
        steps.append(
            Step(
                title: title,
                text: text,
                tryCode: draft.tryCode,
                check: draft.check?.expression,
                hints: draft.hints,
                solution: draft.solution?.code,
                line: draft.line,
                goal: draft.goal?.text,
                blocks: draft.blocks,
                wrongs: draft.wrongs.map(\.code),
                expects: draft.expects.map(\.expression),
                lines: Step.Lines(
                    check: draft.check?.line ?? 0, solution: draft.solution?.line ?? 0,
                    wrongs: draft.wrongs.map(\.line), expects: draft.expects.map(\.line))
            )
        )
    }

    /// Joins text lines, collapsing runs of blank lines to one and trimming blank lines at both ends.
    static func normalise(_ lines: [String]) -> String {
        var kept: [String] = []
        for line in lines {
            let isBlank = line.trimmingWhitespace().isEmpty
            if isBlank {
                if let last = kept.last, !last.isEmpty { kept.append("") }
            } else {
                kept.append(line)
            }
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return kept.joined(separator: "\n")
    }

    private func error(_ line: Int, _ message: String) -> LessonLoadError {
        LessonLoadError(file: file, line: line, message: message)
    }
}

/// CPython's layout of a ``Diagnostic``: the one place that knows where each line goes. The plain text
/// (``Diagnostic/formatted()``) and any styled rendering are both read off these lines.
extension Diagnostic {
    /// What a span of a line is, so a host can style it without reading the text.
    public enum Role: Sendable, Hashable {
        /// `Traceback (most recent call last):`, `File …` lines, source lines, the chaining sentences.
        case text
        /// An exception group's box drawing and the `| ` margin in front of its members' lines.
        case margin
        /// The `Type: message` line (one span per line of a multi-line message).
        case exception
        /// A warning's `Type: message` line.
        case warning
        /// The `^^^` line under a syntax error's source.
        case caret
        /// A note (`hint: …`), from its label on; the two spaces before it are ``text``.
        case note
    }

    /// A run of one line in one role.
    public struct Span: Sendable, Hashable {
        public var text: String
        public var role: Role

        public init(_ text: String, _ role: Role) {
            self.text = text
            self.role = role
        }
    }

    /// One printed line, without its newline.
    public struct Line: Sendable, Hashable {
        public var spans: [Span]

        public init(_ spans: [Span]) { self.spans = spans }

        /// The characters of the line.
        public var text: String { spans.map(\.text).joined() }
    }

    /// The printed lines, in order.
    public func lines() -> [Line] {
        var out = LineBuilder()
        out.full(self)
        return out.lines
    }
}

/// Appends a diagnostic's lines as `traceback.TracebackException.format` orders them (CPython 3.11,
/// `Lib/traceback.py`).
private struct LineBuilder {
    var lines: [Diagnostic.Line] = []

    /// Adds `text` in `role`, one line per "\n"-separated piece (a "\r\n" stays inside its line, as in the text).
    mutating func add(_ text: String, _ role: Diagnostic.Role) {
        for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(Diagnostic.Line(piece.isEmpty ? [] : [Diagnostic.Span(String(piece), role)]))
        }
    }

    /// The whole report: chained exceptions first, then this one (a group as a box), then the notes.
    mutating func full(_ d: Diagnostic) {
        for chained in d.chain {
            full(chained.diagnostic)
            add("", .text)
            add(
                chained.isCause
                    ? "The above exception was the direct cause of the following exception:"
                    : "During handling of the above exception, another exception occurred:", .text)
            add("", .text)
        }
        if d.group != nil {
            var box = GroupBox()
            box.format(d)
            lines += box.lines
        } else {
            body(d)
        }
        for note in d.notes { lines.append(Diagnostic.Line([.init("  ", .text), .init(note.label + ": " + note.text, .note)])) }
    }

    /// The location or traceback, then the exception line.
    mutating func body(_ d: Diagnostic) {
        switch d.kind {
        case .syntaxError:
            if let location = d.location { self.location(location) }
            add(d.typeName + ": " + d.message, .exception)
        case .exception:
            if !d.traceback.isEmpty {
                add("Traceback (most recent call last):", .text)
                frames(d.traceback)
            }
            add(d.summary, .exception)
        case .warning:
            add(d.summary, .warning)
        case .hint:
            lines.append(Diagnostic.Line([.init("hint: " + d.message, .note)]))
        }
    }

    /// `  File "<stdin>", line 1`, the source line indented by four, the carets under it.
    mutating func location(_ location: Diagnostic.Location) {
        add("  File \"\(location.fileName)\", line \(location.line)", .text)
        guard !location.sourceText.isEmpty else { return }
        add("    " + location.sourceText, .text)
        if let caret = location.caret {
            let marks = String(repeating: " ", count: caret.lowerBound) + String(repeating: "^", count: caret.count)
            add("    " + marks, .caret)
        }
    }

    /// The `File …` lines (and source lines), folding a run of identical entries after three as CPython does:
    /// "[Previous line repeated N more times]".
    mutating func frames(_ frames: [Diagnostic.Frame]) {
        var previous: Diagnostic.Frame?
        var repeats = 0
        func flushRepeats(_ builder: inout LineBuilder) {
            if repeats > 3 {
                let n = repeats - 3
                builder.add("  [Previous line repeated \(n) more time\(n == 1 ? "" : "s")]", .text)
            }
        }
        for frame in frames {
            if frame == previous {
                repeats += 1
                if repeats > 3 { continue }
            } else {
                flushRepeats(&self)
                previous = frame
                repeats = 1
            }
            add("  File \"\(frame.fileName)\", line \(frame.line), in \(frame.function)", .text)
            if let source = frame.sourceText, !source.isEmpty { add("    " + source, .text) }
        }
        flushRepeats(&self)
    }
}

/// CPython's boxed rendering of an exception group (`traceback.TracebackException.format`, the `exceptions`
/// branch): members in numbered compartments, at most 15 shown, a nested group's last compartment sharing the
/// closing rule of its parent.
private struct GroupBox {
    var lines: [Diagnostic.Line] = []
    var depth = 0
    var needClose = false

    var indent: String { String(repeating: " ", count: 2 * depth) }

    /// Adds `content` with the box's margin in front of each line (`| `, or `+ ` on the group's first line).
    mutating func emit(_ content: [Diagnostic.Line], margin: Character = "|") {
        var prefix = indent
        if depth > 0 { prefix += String(margin) + " " }
        for line in content {
            lines.append(Diagnostic.Line(prefix.isEmpty ? line.spans : [.init(prefix, .margin)] + line.spans))
        }
    }

    mutating func rule(_ text: String) {
        lines.append(Diagnostic.Line([.init(indent + text, .margin)]))
    }

    mutating func format(_ d: Diagnostic) {
        guard let members = d.group else {
            var whole = LineBuilder()
            whole.full(d)
            emit(whole.lines)
            return
        }
        let topLevel = depth == 0
        if topLevel { depth += 1 }
        if !d.traceback.isEmpty {
            emit([Diagnostic.Line([.init("Exception Group Traceback (most recent call last):", .text)])], margin: topLevel ? "+" : "|")
            var frames = LineBuilder()
            frames.frames(d.traceback)
            emit(frames.lines)
        }
        var summary = LineBuilder()
        summary.add(d.summary, .exception)
        emit(summary.lines)
        let shown = min(members.count, 16)
        needClose = false
        for index in 0..<shown {
            let last = index == shown - 1
            if last { needClose = true }
            let truncated = index >= 15
            rule((index == 0 ? "+-" : "  ") + "+---------------- \(truncated ? "..." : String(index + 1)) ----------------")
            depth += 1
            if truncated {
                let more = members.count - 15
                emit([Diagnostic.Line([.init("and \(more) more exception\(more > 1 ? "s" : "")", .text)])])
            } else {
                format(members[index])
            }
            if last && needClose {
                rule("+------------------------------------")
                needClose = false
            }
            depth -= 1
        }
        if topLevel { depth = 0 }
    }
}

extension Diagnostic {
    /// The exception line: `Type: message`, or the bare type when the message is empty.
    var summary: String { message.isEmpty ? typeName : typeName + ": " + message }
}

import Lessons
import PoolScript
import PythonModels
import PoolCore
import TerminalUI

/// Python errors, styled by TerminalUI's DiagnosticView (plain text stays byte-identical).
enum ErrorView {
    static func render(_ formatted: String, color: Bool) -> String {
        decorator(color).render(DiagnosticView(formatted).render())
    }
}

func decorator(_ color: Bool) -> any TextDecorator {
    color ? ANSIDecorator() : PlainDecorator()
}

/// The pool panel and the `%pool` detail.
enum PoolPanel {
    static func render(pool: PoolObject, label: String?, snapshot: PoolSnapshot, previous: PoolSnapshot?, color: Bool)
        -> String
    {
        let view = PoolView(
            title: label ?? pool.className, library: pool.stack.poolLibrary, limits: limits(pool), snapshot: snapshot,
            previous: previous)
        return decorator(color).render(view.render())
    }

    static func limits(_ pool: PoolObject) -> String {
        func show(_ v: Value) -> String { v == .int(Int.max) ? "None" : v.repr() }
        return "max_connections=\(show(pool.maxConnections)), max_keepalive_connections=\(show(pool.maxKeepaliveConnections))"
    }

    /// `%pool`: the repr, the limits and every connection.
    static func detail(pool: PoolObject, label: String?) -> String {
        let snapshot = pool.engine.snapshot
        var text = "\(label ?? pool.className) (\(pool.stack.module) → \(pool.stack.poolLibrary))\n"
        text += "  \(snapshot.repr(className: pool.className))\n"
        text += "  \(limits(pool)), keepalive_expiry=\(pool.keepaliveExpiry.repr())\n"
        for connection in snapshot.connections {
            text += "    \(connection.repr(className: pool.connectionClassName))\n"
        }
        let c = snapshot.counters
        text += "  since creation: opened \(c.opened) · reused \(c.reused) · closed \(c.closed) · completed \(c.completed)"
            + " · PoolTimeout \(c.poolTimeouts) · re-queued \(c.requeues)\n"
        return text
    }
}

/// Lesson runner output as text.
enum LessonView {
    static func render(_ output: LessonOutput, color: Bool) -> String {
        var text = StyledText()
        switch output {
        case .stepIntro(let index, let count, let step):
            text.append("── Step \(index + 1)/\(count): \(step.title) ──\n", style: [.bold, .cyan])
            if !step.text.isEmpty { text.append(MarkdownView(step.text).render()); text.append("\n") }
            for code in step.tryCode {
                for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
                    text.append("    \(line)\n", style: .yellow)
                }
            }
            if step.check != nil { text.append("(checked after each statement · %hint · %solution)\n", style: .dim) }
        case .stepPassed(let index):
            text.append("✓ step \(index + 1) passed — %next to continue\n", style: [.bold, .green])
        case .lessonComplete(let title):
            text.append("★ lesson complete: \(title) — %lessons for more\n", style: [.bold, .green])
        case .hint(let hint):
            text.append("hint: ", style: .cyan)
            text.append(hint + "\n")
        case .noMoreHints:
            text.append("No more hints; %solution shows the answer.\n", style: .dim)
        case .message(let message):
            text.append(message + "\n")
        }
        return decorator(color).render(text)
    }
}

import MockServer
import Lessons
import PoolScript
import PythonModels
import PoolCore
import TerminalUI

func decorator(_ color: Bool) -> any TextDecorator {
    color ? ANSIDecorator() : PlainDecorator()
}

/// The pool panel and the `%pool` detail.
enum PoolPanel {
    static func render(
        pool: PoolObject, label: String?, snapshot: PoolSnapshot, previous: PoolSnapshot?, color: Bool,
        width: Int? = nil
    ) -> String {
        let view = PoolView(
            title: label ?? pool.className, library: pool.stack.poolLibrary, limits: limits(pool), snapshot: snapshot,
            previous: previous, width: width)
        return decorator(color).render(view.render())
    }

    static func limits(_ pool: PoolObject) -> String {
        func show(_ v: Value) -> String { v == .int(Int.max) ? "None" : v.repr() }
        return "max_connections=\(show(pool.maxConnections)), max_keepalive_connections=\(show(pool.maxKeepaliveConnections))"
    }

    /// `%pool`: the repr, the limits, and every connection seen from both sides: the client's (state, requests,
    /// idle time, time to expiry) and the mock server's view of the same socket, matched by the client's port.
    static func detail(pool: PoolObject, label: String?, serverConnections: [ConnectionRecord] = []) -> String {
        let snapshot = pool.engine.snapshot
        let now = pool.engine.now
        var text = "\(label ?? pool.className) (\(pool.stack.module) → \(pool.stack.poolLibrary))\n"
        text += "  \(snapshot.repr(className: pool.className))\n"
        text += "  \(limits(pool)), keepalive_expiry=\(pool.keepaliveExpiry.repr())\n"
        let expiry = pool.engine.configuration.keepaliveExpiry
        for connection in snapshot.connections {
            text += "    conn \(connection.id)  \(connection.repr(className: pool.connectionClassName))\n"
            var client: [String] = []
            if let port = connection.localPort { client.append("port \(port)") }
            if connection.state.isIdle, let expireAt = connection.expireAt {
                if let expiry { client.append("idle \(seconds(now - (expireAt - expiry))) s") }
                client.append(
                    now > expireAt
                        ? "expired \(seconds(now - expireAt)) s ago, closed lazily at the next request"
                        : "expires in \(seconds(expireAt - now)) s")
            } else if connection.state.isIdle {
                client.append("idle, never expires (keepalive_expiry=None)")
            }
            if connection.isOwnerless {
                client.append("never dialled, and no request holds it: it keeps a max_connections slot for good (%why)")
            }
            if connection.state == .new {
                client.append(
                    "connected, but its request was cancelled before sending: NEW for good, it keeps a "
                        + "max_connections slot (%why)")
            }
            if connection.holdsStrandedRequest {
                client.append(
                    "its request was cancelled while the response closed and never left the pool: ACTIVE for good, "
                        + "it keeps a max_connections slot (%why)")
            }
            if !client.isEmpty { text += "          client: " + client.joined(separator: " · ") + "\n" }
            if let port = connection.localPort, let record = serverConnections.last(where: { $0.clientPort == port }) {
                var server = ["\(record.requestsServed) request\(record.requestsServed == 1 ? "" : "s") served"]
                if let closedBy = record.closedBy {
                    server.append("closed by the \(closedBy)" + (record.closeReason.map { " (\($0))" } ?? ""))
                    if closedBy == ConnectionRecord.Closer.server, connection.state.isIdle {
                        server.append("the pool will notice at its next pass")
                    }
                } else {
                    server.append("open")
                }
                text += "          server: " + server.joined(separator: " · ") + "\n"
            }
        }
        let c = snapshot.counters
        text += "  since creation: opened \(c.opened) · reused \(c.reused) · closed \(c.closed) · completed \(c.completed)"
            + " · PoolTimeout \(c.poolTimeouts)\n"
        return text
    }

    /// Seconds with one decimal: `2.1`.
    static func seconds(_ value: Double) -> String {
        let tenths = Int((max(value, 0) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// Lesson runner output as text.
enum LessonView {
    /// - Parameters:
    ///   - output: what the runner said.
    ///   - lessonNumber: the lesson's number, for step headers ("Lesson 4 · Step 2/5").
    ///   - color: ANSI styles.
    ///   - width: the terminal's width for wrapping prose; nil: no wrapping.
    static func render(
        _ output: LessonOutput, lessonNumber: Int? = nil, color: Bool, width: Int? = nil, language: String = "en"
    ) -> String {
        func say(_ key: RunnerStrings.Key, _ arguments: any CustomStringConvertible...) -> String {
            RunnerStrings.text(key, language, arguments: arguments)
        }
        var text = StyledText()
        switch output {
        case .stepIntro(let index, let count, let step):
            let header =
                lessonNumber.map { say(.stepHeaderWithLesson, $0, index + 1, count) } ?? say(.stepHeader, index + 1, count)
            text.append("── \(header) · \(step.title) ──\n", style: [.bold, .cyan])
            for (offset, block) in step.blocks.enumerated() {
                if offset > 0 { text.append("\n") }  // a blank line sets code apart from prose
                switch block {
                case .prose(let prose):
                    text.append(MarkdownView(prose, width: width).render())
                    text.append("\n")
                case .code(let code):
                    text.append(CodeBlockView(code).render())
                }
            }
            let footer = say(step.check != nil ? .checkedFooter : .readingFooter)
            let lines = width.map { TextWrap.wrap(footer, width: $0) } ?? [footer]
            for line in lines { text.append(line + "\n", style: .dim) }
        case .stepPassed(let index):
            text.append(say(.stepPassed, index + 1) + "\n", style: [.bold, .green])
        case .lessonComplete(let title):
            text.append(say(.lessonComplete, title) + "\n", style: [.bold, .green])
        case .hint(let hint):
            text.append(say(.hintLabel), style: .cyan)
            text.append(MarkdownView(hint, width: nil).render())
            text.append("\n")
        case .noMoreHints:
            text.append(say(.noMoreHintsSolution) + "\n", style: .dim)
        case .message(let message):
            text.append(message + "\n")
        }
        return decorator(color).render(text)
    }

    /// One progress line of a replay: `↻ step 2/4 replayed · Put the limits on an HTTP client`.
    static func replayed(index: Int, count: Int, title: String, color: Bool, language: String = "en") -> String {
        decorator(color).render(
            StyledText(RunnerStrings.text(.replayed, language, index + 1, count, title) + "\n", style: .dim))
    }
}

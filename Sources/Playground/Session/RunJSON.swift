import Foundation
import MockServer
import PoolCore
import PoolScript
import PythonModels

/// `poolplay run --json FILE`: the file runs as `poolplay run` runs it, and each top-level statement prints one
/// JSON object on a line of its own (schema in the README): its line and source, what it printed, its error, and
/// every pool it touched with the statement's counters. An uncaught error ends the run, as in Python.
extension PlaygroundApp {
    public static func runJSON(file path: String, _ launch: LaunchOptions) async -> Int32 {
        let errors = StandardOutput()
        guard let data = FileManager.default.contents(atPath: path) else {
            errors.writeError("poolplay: can't open file '\(path)': [Errno 2] No such file or directory\n")
            return 2
        }
        let source = String(decoding: data, as: UTF8.self)
        // One parse for the whole file; each statement then runs from it.
        let statements: [ParsedSource.TopLevelStatement]
        switch ParsedSource(source).topLevelStatements {
        case .success(let found): statements = found
        case .failure(let error):
            errors.writeError(error.formatted(fileName: path))
            return 1
        }
        let output = StatementOutput()
        guard let (server, environment) = await startServer(launch, output: output) else { return 1 }
        var options = Session.Options()
        options.echoValues = false
        options.showPanels = false
        let session = Session(environment: environment, server: server, options: options, output: output)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var status: Int32 = 0
        for statement in statements {
            let text = lines[(statement.first - 1)..<statement.last].joined(separator: "\n")
            output.stdout = ""
            let record = await session.runStatementForJSON(
                statement.parsed, path: path, line: statement.first, source: text, output: output)
            FileHandle.standardOutput.write(record)
            if output.failed {
                status = 1
                break
            }
        }
        await session.shutdown()
        try? await server.shutdown()
        return status
    }
}

/// Collects what one statement prints; errors go to stderr as they happen.
final class StatementOutput: SessionOutput {
    var stdout = ""
    var failed = false
    func write(_ text: String) { stdout += text }
    func writeError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

extension Session {
    /// Runs one top-level statement (parsed with the whole file, so tracebacks give the file's lines) and returns
    /// its JSON line.
    func runStatementForJSON(
        _ statement: ParsedSource, path: String, line: Int, source: String, output: StatementOutput
    ) async -> Data {
        let before = context.markSpans()
        let poolCount = context.pools.count
        let result = await interpreter.run(statement, fileName: path, mode: .file)
        var error: [String: Any]? = nil
        switch result {
        case .ok:
            break
        case .error(let pythonError):
            let diagnostic = pythonError.diagnostic
            output.writeError(diagnostic.formatted())
            error = ["type": pythonError.type.name, "message": pythonError.message, "line": diagnostic.lastLine(in: path) ?? line]
            output.failed = true
        case .syntaxError(let syntaxError):
            output.writeError(syntaxError.formatted(fileName: path))
            error = ["type": syntaxError.reportedKind, "message": syntaxError.reportedMessage, "line": syntaxError.reportedLine]
            output.failed = true
        }
        var pools: [[String: Any]] = []
        for (index, pool) in context.pools.enumerated() {
            let now = pool.engine.snapshot
            guard index >= poolCount || before[pool.id] != now else { continue }
            let span = SpanCounters(from: before[pool.id]?.counters, to: now.counters)
            var counters: [String: Any] = Dictionary(uniqueKeysWithValues: span.named.map { ($0.name, $0.value) })
            counters["closed_by"] = Dictionary(uniqueKeysWithValues: span.closedByReason.map { ($0.key.description, $0.value) })
            counters["connect_retries"] = span.connectRetries
            let configuration = pool.engine.configuration
            pools.append([
                "name": label(for: pool) ?? "pool \(pool.id)",
                "library": configuration.algorithm.libraryDescription,
                "limits": [
                    "max_connections": configuration.maxConnections as Any? ?? NSNull(),
                    "max_keepalive_connections": configuration.maxKeepaliveConnections as Any? ?? NSNull(),
                    "keepalive_expiry": configuration.keepaliveExpiry as Any? ?? NSNull(),
                ],
                "counters": counters,
                "repr": now.repr(className: pool.className),
            ])
        }
        let object: [String: Any] = [
            "line": line, "source": source, "stdout": output.stdout, "error": error as Any? ?? NSNull(), "pools": pools,
        ]
        var data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}

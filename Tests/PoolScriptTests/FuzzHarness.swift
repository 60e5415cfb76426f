#if !FUZZ_STANDALONE
@testable import PoolScript
#endif
import Synchronization

/// A `ScriptHost` for fuzzing: swallows output (keeping only its size) and offers no modules, so nothing
/// reaches the network; `asyncio` and `time` fall back to the interpreter's built-ins on `InstantClock`.
final class FuzzHost: ScriptHost {
    var written = 0
    func importModule(_ name: String) throws -> Value? { nil }
    func write(_ text: String) { written += text.utf8.count }
}

/// A clock on which every sleep ends at once (time jumps forward), so `asyncio.sleep(1e9)` cannot hang a fuzz run.
final class InstantClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }
    private let current = Mutex(Instant(offset: .zero))
    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .zero }
    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        current.withLock { if $0 < deadline { $0 = deadline } }
        try Task.checkCancellation()
    }
}

/// What one fuzz input did; `.ok`, `.error` and `.syntaxError` are the only outcomes a run may have.
/// `.malformed` is a run that returned something unusable: an error whose rendering is empty or lacks its
/// summary line, or a syntax error with no line or caret position.
enum FuzzOutcome: Hashable {
    case ok, error, syntaxError
    case malformed(String)
}

/// The budget fuzz runs use: a small step budget and a memory budget, so every input ends quickly.
let fuzzLimits = ExecutionLimits(maxSteps: 20_000, maxCollectionSize: 100_000, maxRecursionDepth: 1000)

/// Runs one input through every entry point a learner's text reaches: the lexer, the parser, `inputStatus`
/// (on the whole text and on its first lines, as the REPL asks), the evaluator in both modes, and the
/// renderings of whatever error comes back. Returns the file-mode outcome; a crash or hang is the failure.
/// `interactive` also runs the source in interactive mode (echoing expression values).
nonisolated(nonsending) func fuzzOne(_ source: String, interactive: Bool = true, limits: ExecutionLimits = fuzzLimits)
    async -> FuzzOutcome
{
    // `run` lexes and parses the module; `evaluate`'s expression parser is the other entry point.
    _ = try? Parser.parseExpression(source)
    _ = inputStatus(source)
    _ = inputStatus(source + "\n")
    if source.utf8.count < 2_000 {
        var prefix = ""
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).prefix(3) {
            prefix += prefix.isEmpty ? String(line) : "\n" + line
            _ = inputStatus(prefix)
        }
    }
    var outcome = FuzzOutcome.ok
    for mode in interactive ? [RunMode.file, .interactive] : [.file] {
        let interpreter = Interpreter(host: FuzzHost(), limits: limits)
        interpreter.clock = InstantClock()
        let result = await interpreter.run(source, fileName: "<fuzz>", mode: mode)
        let current: FuzzOutcome
        switch result {
        case .ok: current = .ok
        case .error(let e):
            let text = e.formatted()
            current = text.hasSuffix(e.summary + "\n") || text.contains(e.summary + "\n") ? .error : .malformed(text)
        case .syntaxError(let d):
            let text = d.formatted(fileName: "<fuzz>")
            let placed = d.line >= 1 && d.column >= 1 && text.hasPrefix("  File \"<fuzz>\", line ")
            current = placed && text.contains(d.kind.name) ? .syntaxError : .malformed(text)
        }
        if mode == .file { outcome = current }
        // Break the module scope's reference cycles (functions hold the scope that holds them).
        interpreter.globals = [:]
    }
    return outcome
}

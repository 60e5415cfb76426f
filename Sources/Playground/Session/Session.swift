import Dispatch
import Synchronization
import LineEditing
import MockServer
import PoolCore
import PoolEngine
import PoolScript
import PythonModels
import TerminalUI

/// One playground session: the interpreter with PoolPlay's Python objects bound in, the lesson in progress, and the
/// pool panel drawn after each statement that touched a pool.
public final class Session {
    /// How the session presents itself.
    public struct Options {
        /// Echo the repr of expression statements (the interactive prompt, also when piped).
        public var echoValues: Bool = true
        /// Draw the pool panel after statements that touched a pool.
        public var showPanels: Bool = true
        /// Send panels to stderr instead of stdout (`poolplay run --panels`).
        public var panelsToStderr: Bool = false
        /// ANSI colour in panels and errors.
        public var color: Bool = false
        /// A folder of lesson files that adds lessons or replaces bundled ones by id (`--lessons`,
        /// `POOLPLAY_LESSONS`); nil: the lessons compiled into the binary only.
        public var lessonsDirectory: String?
        /// A fixed width for wrapping what the playground writes (tests); nil: see ``followTerminalWidth``.
        public var terminalWidth: Int?
        /// Read the terminal's width before each write, so text after a resize fits the new width.
        public var followTerminalWidth: Bool = false
        /// The lessons' language (`--lang`: `en`, `zh-Hans`); nil: the locale decides.
        public var language: String?
        /// Where lesson progress is saved (JSON); nil: progress lives only as long as the session.
        public var progressFile: String?
        /// Turn SIGINT (Ctrl-C while a statement runs) into `KeyboardInterrupt` (terminal sessions).
        public var catchInterrupts: Bool = false
        /// Standard output is a terminal: the live gauge and `%clear` draw on it.
        public var isTerminal: Bool = false

        public init() {}
    }

    let context: PlaygroundContext
    let server: MockServer?
    public var options: Options
    let output: SessionOutput
    private(set) var interpreter: Interpreter
    private(set) var host: PlaygroundHost
    var lessons = LessonController()
    /// What the lesson in progress set aside (the sandbox's names, environment, server knobs); nil outside lessons.
    var lessonScope: LessonScope?
    /// Silences what scripts print while solutions are replayed.
    let scriptOutputGate = OutputGate()
    /// Entries run in this session, for `%history`.
    var history: [String] = []
    /// The Python this session ran, for `%save`: typed entries, and magics that run Python (`%burst`) as the
    /// Python they ran.
    var script: [String] = []
    /// The pools the last pool-touching statement changed, and where their event logs stood before it (`%timeline`).
    var lastTimeline: [Int: Double?] = [:]
    /// The mock's request count before the last statement that touched pools (`%why` reads its retries).
    var lastLedgerMark: Int?
    /// Set by `%quit`, `exit()` and an uncaught `SystemExit` (`sys.exit()`).
    var wantsExit = false
    /// The status the playground exits with: `exit(n)` / `sys.exit(n)` at the prompt end the session with `n`, as
    /// in `python3 -i`.
    public private(set) var exitStatus: Int32 = 0
    /// The terminal reader while the REPL runs (for `%solution` pre-typing).
    var lineSource: LineSource?
    /// What TAB completes; rebuilt after every entry.
    public let completions = CompletionIndex()

    /// - Parameters:
    ///   - environment: what `os.environ` holds (the caller presets `OPENAI_BASE_URL` / `OPENAI_API_KEY`).
    ///   - server: the built-in mock, for `%server`; nil when the session talks to something else.
    public init(
        environment: [String: String], server: MockServer?, options: Options, output: SessionOutput,
        factory: any ConnectionFactory = NIOConnectionFactory(), clock: any Clock<Duration> = ContinuousClock()
    ) {
        let context = PlaygroundContext(environment: environment, factory: factory, clock: clock)
        self.context = context
        context.mockServer = server
        self.server = server
        self.options = options
        self.output = output
        let gate = scriptOutputGate
        let host = PlaygroundHost(
            context: context, write: { if !gate.muted { output.write($0) } },
            writeError: { if !gate.muted { output.writeError($0) } })
        self.host = host
        self.interpreter = Interpreter(host: host)
        interpreter.clock = clock
        context.loop = interpreter.loop
        installBuiltins()
        refreshCompletions()
    }

    /// Replaces `help` and adds `exit`/`quit`, which are the playground's own.
    private func installBuiltins() {
        interpreter.globals["help"] = .object(
            NativeFunction(name: "help") { [weak self] arguments in
                guard let self else { return .none }
                self.output.write(self.helpText(for: arguments.positional.first) + "\n")
                return .none
            })
        for name in ["exit", "quit"] {
            interpreter.globals[name] = .object(
                NativeFunction(name: name) { [weak self] arguments in
                    self?.endSession(SystemExitOutcome(code: arguments.positional.first ?? .none))
                    return .none
                })
        }
    }

    // MARK: - Entries

    /// Runs one complete entry: a `%magic`, `obj?`, or Python source.
    public func execute(_ entry: String) async {
        await execute(EntryAssembler.Entry(text: entry, parsed: nil))
    }

    /// Runs an entry the prompt assembled, with the parse that found it complete when there is one.
    func execute(_ entry: EntryAssembler.Entry) async {
        let trimmed = String(entry.text.trimmingLeadingWhitespace())
        if EntryAssembler.isMagic(trimmed) {
            history.append(trimmed)
            await runMagic(trimmed)
            return
        }
        history.append(entry.text)
        script.append(entry.text)
        // `%save` keeps what reruns: a statement that raised would stop `poolplay run` there.
        switch await runPython(entry.parsed ?? ParsedSource(entry.text)) {
        case .ok: break
        case .error, .syntaxError: script.removeLast()
        }
    }

    /// Parses and runs Python source as an entry (see the `ParsedSource` overload).
    @discardableResult
    func runPython(_ entry: String) async -> RunResult {
        await runPython(ParsedSource(entry))
    }

    /// Runs parsed Python source as an entry: reports errors, draws pool panels, checks the lesson step.
    @discardableResult
    func runPython(_ entry: ParsedSource) async -> RunResult {
        let before = context.markSpans()
        let marks = timelineMarks()
        let ledgerMark = server?.ledger().totalRequests
        let poolCount = context.pools.count
        let watcher = options.catchInterrupts ? interruptWatcher() : nil
        let live = options.isTerminal ? output as? any LiveLineOutput : nil
        let gauge = live.map {
            StatementGauge.start(engines: context.engines, output: $0, color: options.color) { TerminalCheck.stdoutColumns }
        }
        let result = await interpreter.run(entry, fileName: "<stdin>", mode: options.echoValues ? .interactive : .file)
        watcher?.cancel()
        if let gauge {
            gauge.cancel()
            await gauge.value
            live?.eraseLive()
        }
        report(result)
        if rememberTimeline(marks: marks, before: before) { lastLedgerMark = ledgerMark }
        if options.showPanels { drawPanels(before: before, newPoolsFrom: poolCount) }
        await checkLessonStep()
        refreshCompletions()
        return result
    }

    /// While a statement runs the terminal is in cooked mode, so Ctrl-C raises SIGINT; this turns it into
    /// `KeyboardInterrupt` in the running script (its requests are cancelled and release their pool slots).
    func interruptWatcher() -> Task<Void, Never> {
        _ = InterruptSignal.takePending()
        let handle = interpreter.interruptHandle
        return Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(50))
                if InterruptSignal.takePending() { handle.interrupt() }
            }
        }
    }

    /// Ends the session as `python3 -i` does on `exit(code)` or an uncaught `SystemExit`: a non-int code is printed
    /// to stderr, and the playground exits with the code's status.
    func endSession(_ outcome: SystemExitOutcome) {
        if let message = outcome.message { output.writeError(message) }
        exitStatus = outcome.status
        wantsExit = true
    }

    /// Prints an error result the way Python does (to stderr), plus PoolPlay's hint as a note. An uncaught
    /// `SystemExit` prints no traceback: it ends the session.
    func report(_ result: RunResult) {
        switch result {
        case .ok: break
        case .error(let error) where error.isSystemExit:
            if let outcome = error.systemExitOutcome { endSession(outcome) }
        case .error(let error):
            var diagnostic = error.diagnostic
            if error.hint == nil, let hint = ErrorHints.hint(for: error, knowing: completions.hintKnowledge) {
                diagnostic.notes.append(.hint(hint))
            }
            output.writeError(ErrorView.render(diagnostic, color: options.color, width: currentWidth))
        case .syntaxError(let error):
            output.writeError(ErrorView.render(error.diagnostic(fileName: "<stdin>"), color: options.color))
        }
    }

    /// Draws a panel for every pool whose state changed during the entry.
    func drawPanels(before: [Int: PoolSnapshot], newPoolsFrom: Int) {
        for (index, pool) in context.pools.enumerated() {
            let now = pool.engine.snapshot
            let previous = before[pool.id]
            guard index >= newPoolsFrom || previous != now else { continue }
            let panel = PoolPanel.render(
                pool: pool, label: label(for: pool), snapshot: now, previous: previous, color: options.color,
                width: currentWidth)
            if options.panelsToStderr { output.writeError(panel) } else { output.write(panel) }
        }
    }

    /// The learner's name for the client that owns `pool` (`client._client`, `http_client`), when there is one.
    func label(for pool: PoolObject) -> String? {
        var fromHTTPClient: String?
        for (name, value) in interpreter.globals.sorted(by: { $0.key < $1.key }) {
            guard case .object(let object) = value else { continue }
            if let client = object as? OpenAIClientObject, client.httpClient.transport.pool === pool {
                return "\(name)._client"
            }
            if let client = object as? HTTPClientObject, client.transport.pool === pool, fromHTTPClient == nil {
                fromHTTPClient = name
            }
        }
        return fromHTTPClient
    }

    // MARK: - Loops

    /// The read-eval-print loop until end of input or `%quit`. Lines are read on a dedicated thread (libedit blocks).
    public func runREPL(reader: LineReader) async {
        let lineSource = LineSource(reader: reader)
        self.lineSource = lineSource
        defer { self.lineSource = nil }
        var assembler = EntryAssembler()
        while !wantsExit {
            let result = await lineSource.read(prompt: assembler.prompt)
            switch result {
            case .eof:
                if let last = assembler.finish() { await execute(last) }
                return
            case .interrupted:
                assembler.discard()
                output.writeError("KeyboardInterrupt\n")
            case .line(let line):
                for entry in assembler.feed(line) {
                    lineSource.addHistory(entry.text)
                    await execute(entry)
                    if wantsExit { return }
                }
            }
        }
    }

    /// Runs a whole file as `python FILE` would (top-level `await` allowed): stdout carries only what the program
    /// prints; an uncaught error prints a traceback to stderr. Returns the exit status.
    public func runFile(source: String, path: String, arguments: [String] = []) async -> Int32 {
        interpreter.argv = [path] + arguments
        let before = context.markSpans()
        let result = await interpreter.run(source, fileName: path, mode: .file)
        if options.showPanels {
            drawPanels(before: before, newPoolsFrom: 0)
        }
        let status: Int32
        switch result {
        case .ok: status = 0
        case .error(let error):
            // `sys.exit(n)` / `raise SystemExit(n)`: status n and no traceback (CPython's `_Py_HandleSystemExit`).
            if let exit = error.systemExitOutcome {
                if let message = exit.message { output.writeError(message) }
                return exit.status
            }
            output.writeError(error.formatted())
            status = 1
        case .syntaxError(let diagnostic):
            output.writeError(diagnostic.formatted(fileName: path))
            status = 1
        }
        await interpreter.finalize()
        return status
    }

    /// Closes every pool the session opened.
    public func shutdown() async {
        await context.closeAll()
    }

    /// `%reset`: a fresh namespace; pools are closed. In a lesson, the names set aside for after it are dropped too.
    func reset() async {
        await context.closeAll()
        context.forgetPools()
        lessonScope?.savedGlobals = [:]
        host = PlaygroundHost(
            context: context,
            write: { [output, scriptOutputGate] in if !scriptOutputGate.muted { output.write($0) } },
            writeError: { [output, scriptOutputGate] in if !scriptOutputGate.muted { output.writeError($0) } })
        interpreter = Interpreter(host: host)
        interpreter.clock = context.clock
        context.loop = interpreter.loop
        installBuiltins()
    }
}

/// A switch for the output of `print` (replayed solutions run silently).
final class OutputGate {
    var muted = false
}

/// Reads lines on one dedicated thread, so libedit stays on a single thread and no cooperative thread blocks.
///
/// It can also pre-type a multi-line text one line per prompt (`%solution`): libedit holds one line at a time, so
/// each line is pushed into the prompt that reads it, and an empty line waits for the learner's bare Enter (the end
/// of an indented block).
final class LineSource: Sendable {
    /// Touched only on `queue`, one call at a time (each read is awaited before the next).
    private let reader: any LineReader
    private let queue = DispatchQueue(label: "poolplay.line-reader")
    /// Lines still to pre-type, one per coming prompt.
    private let pending = Mutex<[String]>([])

    init(reader: LineReader) { self.reader = reader }

    /// Whether pre-typed text reaches the prompt (a terminal), rather than being ignored (a pipe).
    var canPretype: Bool { reader.canPretype }

    func read(prompt: String) async -> ReadResult {
        await withCheckedContinuation { continuation in
            queue.async {
                let next = self.pending.withLock { $0.isEmpty ? nil : $0.removeFirst() }
                if let next { self.reader.pretype(next) }
                let result = self.reader.readLine(prompt: prompt)
                if case .interrupted = result { self.pending.withLock { $0.removeAll() } }
                continuation.resume(returning: result)
            }
        }
    }

    func addHistory(_ entry: String) {
        queue.sync { reader.addHistory(entry) }
    }

    /// Pre-types `text` into the coming prompts, one line each.
    func pretype(_ text: String) {
        let lines = Self.promptLines(text)
        pending.withLock { $0 = lines }
    }

    /// The lines to pre-type for `text`: its lines, with an empty line where an indented block ends before a
    /// statement that is not indented (the prompt needs a bare Enter there).
    static func promptLines(_ text: String) -> [String] {
        let continuations = ["else", "elif ", "except", "finally"]
        var lines: [String] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            let indented = line.first == " " || line.first == "\t"
            if inBlock, !indented {
                if !continuations.contains(where: { line.hasPrefix($0) }) { lines.append("") }
                inBlock = false
            }
            lines.append(line)
            if line.hasSuffix(":") { inBlock = true }
        }
        return lines
    }
}

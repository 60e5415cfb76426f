import Lessons
import MockServer
import PoolCore
import PoolScript
import PythonModels

/// The playground's `%magic` commands (IPython style) and `obj?` help.
extension Session {
    static let magicHelp = """
        PoolPlay — type Python as you would ship it; the pool panel shows what the pool did.
          %lessons            list the guided lessons        %lesson N    start or resume lesson N
          %lesson             resume where you left off      %lesson N S  go to step S of lesson N
          %next / %back       move between steps             %hint        a hint for this step
          %solution           pre-type the step's solution (edit it, then Enter)
          %pool               every pool in detail (the _pool repr and its connections)
          %timeline [all]     each connection's activity during the last statement (all: everything kept)
          %server             the mock endpoint's ledger; %server latency=300ms … changes it (%server help)
          %reset              a fresh session (closes every pool)
          %burst N [CALL]     N concurrent calls (default: the newest client's models.list()); results in _burst
          %history            what you ran in this session   %save FILE   write it to FILE (poolplay run FILE)
          help(obj), obj?     what an object is and which lesson covers it
          %quit, exit(), Ctrl-D   leave
        Modules: httpx (httpcore 1.0.9 pools), httpx2 and openai (httpcore2 pools), asyncio, os, time.
        """

    func runMagic(_ line: String) async {
        if !line.hasPrefix("%") {
            let name = String(line.prefix { $0 != "?" })
            do {
                let value = try await interpreter.evaluate(name)
                output.write(helpText(for: value) + "\n")
            } catch let error as PythonError {
                output.writeError(error.formatted())
            } catch let diagnostic as Diagnostic {
                output.writeError(diagnostic.formatted(fileName: "<stdin>"))
            } catch {
                output.writeError("\(error)\n")
            }
            return
        }
        let words = line.dropFirst().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let command = words.first ?? ""
        let arguments = Array(words.dropFirst())
        switch command {
        case "help", "":
            output.write(Self.magicHelp + "\n")
        case "lessons":
            loadLessons()
            if let error = lessons.loadError { output.writeError("lessons: \(error)\n") }
            for line in lessons.listing() { output.write(line + "\n") }
            if !lessons.lessons.isEmpty { output.write("Start one with %lesson N.\n") }
        case "lesson":
            loadLessons()
            if arguments.isEmpty, let (lesson, step) = lessons.resumePoint {
                show(lessons.start(lesson, at: step))
                return
            }
            guard let key = arguments.first, let lesson = lessons.find(key) else {
                output.writeError("usage: %lesson N (see %lessons)\n")
                return
            }
            if arguments.count > 1 {
                guard let step = Int(arguments[1]), step >= 1 else {
                    output.writeError("usage: %lesson N [STEP] (STEP counts from 1)\n")
                    return
                }
                show(lessons.start(lesson, at: step - 1))
                return
            }
            let resume = lessons.resumePoint.flatMap { $0.lesson.id == lesson.id ? $0.step : nil }
            show(lessons.start(lesson, at: resume ?? 0))
        case "next": show(lessons.perform { $0.next() })
        case "back": show(lessons.perform { $0.back() })
        case "hint": show(lessons.perform { $0.hint() })
        case "solution":
            var solution: String?
            show(
                lessons.perform { runner in
                    solution = runner.solution()
                    return solution == nil ? [.message("This step has no solution to show.")] : []
                })
            if let solution {
                if let lineSource, !solution.contains("\n") {
                    lineSource.pretype(solution)
                } else {
                    output.write("Solution:\n" + solution.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n")
                }
            }
        case "pool":
            if context.pools.isEmpty { output.write("No pools yet: create a client first.\n") }
            for pool in context.pools {
                output.write(PoolPanel.detail(pool: pool, label: label(for: pool)))
            }
        case "server":
            await serverMagic(arguments)
        case "reset":
            await reset()
            output.write("Session reset: names cleared, pools closed.\n")
        case "burst":
            await burstMagic(String(line.dropFirst("%burst".count)))
        case "timeline":
            timelineMagic(arguments)
        case "save":
            saveMagic(arguments)
        case "history":
            for (index, entry) in history.enumerated() { output.write("\(index + 1): \(entry)\n") }
        case "quit", "exit":
            wantsExit = true
        default:
            output.writeError("UsageError: Line magic function `%\(command)` not found. Try %help.\n")
        }
    }

    private func serverMagic(_ arguments: [String]) async {
        guard let server else {
            output.writeError("The built-in mock is not running in this session.\n")
            return
        }
        if arguments == ["help"] {
            output.write("%server KNOB=VALUE … changes the mock endpoint live:\n" + MockServerConfiguration.knobHelp + "\n")
            return
        }
        var changed = server.configuration
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                output.writeError("UsageError: %server: expected KNOB=VALUE, got '\(argument)' (%server help lists the knobs)\n")
                return
            }
            do {
                try changed.apply(parts[0], parts[1])
            } catch {
                output.writeError("UsageError: %server: \(error)\n")
                return
            }
        }
        if !arguments.isEmpty {
            let final = changed
            server.updateConfiguration { $0 = final }
        }
        let ledger = server.ledger()
        output.write(
            "mock endpoint \(server.baseURL) · \(server.configuration.describe())\n"
                + "  TCP connections accepted: \(ledger.acceptedConnections) (open now \(ledger.openConnections), "
                + "peak \(ledger.peakConcurrentConnections))\n"
                + "  requests: \(ledger.totalRequests) (peak concurrent \(ledger.peakConcurrentRequests))\n")
        for connection in ledger.connections.suffix(10) {
            output.write("    conn \(connection.id) :\(connection.clientPort)  requests \(connection.requestsServed)"
                + (connection.closedAt == nil ? "  open" : "  closed by \(connection.closedBy ?? "?")") + "\n")
        }
        if ledger.droppedConnections + ledger.droppedRequests > 0 {
            output.write("  (the ledger keeps the last \(ledger.limit) records: \(ledger.droppedConnections) connections and "
                + "\(ledger.droppedRequests) requests dropped; totals above are exact)\n")
        }
        output.write("  In Python: import poolplay; poolplay.server.ledger.connections\n")
    }

    /// Prints what the lesson runner said, and a failed progress save.
    func show(_ result: (outputs: [LessonOutput], saveError: String?)) {
        for item in result.outputs { output.write(LessonView.render(item, color: options.color)) }
        if let saveError = result.saveError { output.writeError("lessons: \(saveError)\n") }
    }

    /// Loads lessons and saved progress on first use; reports a progress file that had to be set aside.
    func loadLessons() {
        for notice in lessons.loadIfNeeded(directory: options.lessonsDirectory, progressFile: options.progressFile) {
            output.writeError("lessons: \(notice)\n")
        }
    }
}

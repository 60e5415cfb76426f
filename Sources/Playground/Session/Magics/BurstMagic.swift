import Foundation
import PoolScript
import PythonModels

/// `%burst N [CALL]`: the experiment learners run most — N calls at once through one client — without typing the
/// `asyncio.gather` line. It runs as ordinary Python (so the pool panel and the lesson check follow), keeps the
/// results in `_burst`, and prints what came back.
extension Magic {
    static let burst = Magic(
        names: ["burst"],
        helpEntries: [.init("%burst N [CALL]", "N concurrent calls (default: the newest client's models.list()); results in _burst")],
        run: { session, invocation in await session.burstMagic(invocation.text) })
}

extension Session {
    /// The most calls one burst may make: enough for any pool lesson, small enough to stay interactive.
    static let burstLimit = 10_000

    /// - Parameter text: what follows `%burst` on the line: `20`, or `20 client.chat.completions.create(...)`.
    func burstMagic(_ text: String) async {
        let text = String(text.trimmingLeadingWhitespace())
        let count = text.prefix { !$0.isWhitespace }
        let call = String(text.dropFirst(count.count)).trimmingLeadingWhitespace()
        guard let n = Int(count), (1...Self.burstLimit).contains(n) else {
            output.writeError("UsageError: %burst N [CALL]: N is a number of calls from 1 to \(Self.burstLimit)\n")
            return
        }
        let expression: String
        let isAsync: Bool
        if call.isEmpty {
            guard let (name, async) = newestOpenAIClient() else {
                output.writeError(
                    "UsageError: %burst: no OpenAI client yet. Make one (client = AsyncOpenAI(...)), "
                        + "or name the call: %burst 20 http_client.get(url)\n")
                return
            }
            expression = "\(name).models.list()"
            isAsync = async
        } else {
            expression = String(call)
            isAsync = true
        }
        output.write("burst: \(n) × \(expression)\n")
        let clock = ContinuousClock()
        let started = clock.now
        interpreter.globals["_burst"] = nil
        // The burst is one line of Python, so an error in CALL points at it; asyncio is bound under a private
        // name for that line only, so the learner's own names are untouched.
        let line =
            isAsync
            ? "_burst = await _poolplay_asyncio.gather(*[\(expression) for _ in range(\(n))], return_exceptions=True)"
            : "_burst = [\(expression) for _ in range(\(n))]"
        if isAsync { _ = await interpreter.run("import asyncio as _poolplay_asyncio", mode: .file) }
        let result = await runPython(line)
        interpreter.globals["_poolplay_asyncio"] = nil
        script.append(line.replacingOccurrences(of: "_poolplay_asyncio.", with: "asyncio.").replacingOccurrences(
            of: "_burst = await", with: "import asyncio\n_burst = await"))
        let elapsed = clock.now - started
        guard case .ok = result, case .list(let results)? = interpreter.globals["_burst"] else { return }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        output.write(
            "burst: \(Self.summary(of: results.items)) in \(String(format: "%.2f", seconds)) s — the results are in _burst\n")
    }

    /// The global bound to the OpenAI client whose pool was created last, and whether it is async.
    private func newestOpenAIClient() -> (String, Bool)? {
        var best: (name: String, isAsync: Bool, poolID: Int)?
        for (name, value) in interpreter.globals.sorted(by: { $0.key < $1.key }) {
            guard !name.hasPrefix("_"), case .object(let object) = value, let client = object as? OpenAIClientObject
            else { continue }
            let poolID = client.httpClient.transport.pool.id
            if best == nil || poolID > best!.poolID { best = (name, client.isAsync, poolID) }
        }
        return best.map { ($0.name, $0.isAsync) }
    }

    /// "18 × AsyncPage[Model], 2 × PoolTimeout", most frequent first.
    static func summary(of results: [Value]) -> String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for value in results {
            let name = value.typeName
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        return order.sorted { counts[$0]! > counts[$1]! }.map { "\(counts[$0]!) × \($0)" }.joined(separator: ", ")
    }
}

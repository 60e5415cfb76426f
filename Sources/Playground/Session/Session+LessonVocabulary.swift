import MockServer
import PoolCore
import PoolScript
import PythonModels

/// What lesson checks read: `step.pool` and `last.pool` (``SpanCounters`` of the pools the step's / the last
/// statement's code touched, summed) and `step.server` (what the mock's ledger saw since the step began).
///
/// A ``LessonTracker`` lives in the ``LessonScope`` while a lesson runs. The step begins when the runner shows it;
/// after every statement the tracker reads each pool's running counters and adds what changed.
final class LessonTracker {
    /// Each pool's counters at the last reading, by pool id.
    private var observed: [Int: PoolCounters] = [:]
    /// The step so far: the statements' spans merged (counts summed, peaks the highest).
    private(set) var step = SpanCounters()
    /// The last statement's span.
    private(set) var last = SpanCounters()
    /// How many pools the step's code touched, and the last statement's.
    private(set) var stepPools: Set<Int> = []
    private(set) var lastPools = 0
    /// The ledger when the step began.
    private(set) var ledgerBase = LedgerBase()

    struct LedgerBase {
        var connections = 0
        var requests = 0
        var lastRequestID = 0
    }

    /// A new step (or a fresh start on the same step): forgets what earlier statements did.
    func beginStep(pools: [PoolObject], server: MockServer?) {
        observed = Dictionary(uniqueKeysWithValues: pools.map { ($0.id, $0.engine.snapshot.counters) })
        step = SpanCounters()
        last = SpanCounters()
        stepPools = []
        lastPools = 0
        if let ledger = server?.ledger() {
            ledgerBase = LedgerBase(
                connections: ledger.acceptedConnections, requests: ledger.totalRequests,
                lastRequestID: ledger.requests.last?.id ?? 0)
        } else {
            ledgerBase = LedgerBase()
        }
    }

    /// After a statement: what each pool did since the last reading; the pools it touched make ``last``.
    func afterStatement(pools: [PoolObject]) {
        var span = SpanCounters()
        var touched = 0
        for pool in pools {
            let now = pool.engine.snapshot.counters
            let before = observed[pool.id]
            let delta = SpanCounters(from: before, to: now)
            observed[pool.id] = now
            let quiet =
                delta.opened == 0 && delta.reused == 0 && delta.closed == 0 && delta.waits == 0
                && delta.poolTimeouts == 0 && delta.requeues == 0 && delta.completed == 0 && delta.failed == 0
                && delta.peakActive == 0 && delta.peakQueued == 0
            guard before == nil || !quiet else { continue }
            span.merge(delta)
            touched += 1
            stepPools.insert(pool.id)
        }
        last = span
        lastPools = touched
        step.merge(span)
    }
}

/// `step.pool`, `last.pool`: a span's counters with the names of ``SpanCounters/named``.
final class PoolSpanObject: PyObject {
    let span: SpanCounters
    let pools: Int

    init(span: SpanCounters, pools: Int) {
        self.span = span
        self.pools = pools
    }

    var pyTypeName: String { "PoolSpan" }

    func pyRepr() -> String {
        let fields = span.named.map { "\($0.name)=\($0.value)" } + ["pools=\(pools)"]
        return "PoolSpan(\(fields.joined(separator: ", ")))"
    }

    var attributeNames: [String] { span.named.map(\.name) + ["closed_by", "pools"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "closed_by":
            // Every reason, so `closed_by['keep-alive limit']` is 0 rather than a KeyError when none happened.
            return .dict(PyDict(CloseReason.allCases.map { (Value.str($0.description), Value.int(span.closed($0))) }))
        case "pools":
            return .int(pools)
        default:
            return span.named.first { $0.name == name }.map { .int($0.value) }
        }
    }
}

/// `step.server`: what the mock's ledger saw since the step began, read fresh on every access.
final class ServerSpanObject: PyObject {
    let server: MockServer
    let base: LessonTracker.LedgerBase

    init(server: MockServer, base: LessonTracker.LedgerBase) {
        self.server = server
        self.base = base
    }

    var pyTypeName: String { "ServerSpan" }

    static let names = ["connections", "requests", "status_429", "retries", "open_connections", "peak_requests"]

    func pyRepr() -> String {
        let fields = Self.names.map { "\($0)=\((try? getAttribute($0))??.repr() ?? "0")" }
        return "ServerSpan(\(fields.joined(separator: ", ")))"
    }

    var attributeNames: [String] { Self.names + ["statuses"] }

    func getAttribute(_ name: String) throws -> Value? {
        let ledger = server.ledger()
        let requests = ledger.requests.filter { $0.id > base.lastRequestID }
        switch name {
        case "connections": return .int(ledger.acceptedConnections - base.connections)
        case "requests": return .int(ledger.totalRequests - base.requests)
        case "status_429": return .int(requests.count { $0.status == 429 })
        case "retries": return .int(requests.count { ($0.retryCount ?? 0) > 0 })
        case "open_connections": return .int(ledger.openConnections)
        case "peak_requests": return .int(Self.peakInFlight(requests))
        case "statuses":
            var counts: [Int: Int] = [:]
            for request in requests where request.status != 0 { counts[request.status, default: 0] += 1 }
            return .dict(PyDict(counts.sorted { $0.key < $1.key }.map { (Value.int($0.key), Value.int($0.value)) }))
        default: return nil
        }
    }

    /// The most of `requests` in flight at once (from their start and end times).
    static func peakInFlight(_ requests: [RequestRecord]) -> Int {
        var events: [(Double, Int)] = []
        for request in requests {
            events.append((request.startedAt, 1))
            events.append((request.endedAt ?? .infinity, -1))
        }
        events.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var current = 0
        var peak = 0
        for (_, change) in events {
            current += change
            peak = max(peak, current)
        }
        return peak
    }
}

/// `step` and `last`: `.pool` (and, for `step`, `.server`).
final class LessonSpanObject: PyObject {
    let typeName: String
    let pool: PoolSpanObject
    let server: ServerSpanObject?

    init(typeName: String, pool: PoolSpanObject, server: ServerSpanObject?) {
        self.typeName = typeName
        self.pool = pool
        self.server = server
    }

    var pyTypeName: String { typeName }
    func pyRepr() -> String { "\(typeName)(pool=\(pool.pyRepr())\(server.map { ", server=" + $0.pyRepr() } ?? ""))" }
    var attributeNames: [String] { server == nil ? ["pool"] : ["pool", "server"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "pool": .object(pool)
        case "server": server.map { .object($0) }
        default: nil
        }
    }
}

extension Session {
    /// The names a check sees besides the learner's: `step` and `last`.
    static let lessonVocabularyNames = ["step", "last"]

    /// Evaluates a check or `expect:` expression with `step` and `last` in scope (the learner's own names of that
    /// spelling, if any, are set aside for the evaluation and put back).
    func evaluateLessonExpression(_ expression: String) async throws -> Value {
        guard let tracker = lessonScope?.tracker else { return try await interpreter.evaluate(expression) }
        let saved = Self.lessonVocabularyNames.map { ($0, interpreter.globals[$0]) }
        let serverSpan = server.map { ServerSpanObject(server: $0, base: tracker.ledgerBase) }
        interpreter.globals["step"] = .object(
            LessonSpanObject(
                typeName: "Step", pool: PoolSpanObject(span: tracker.step, pools: tracker.stepPools.count),
                server: serverSpan))
        interpreter.globals["last"] = .object(
            LessonSpanObject(typeName: "Last", pool: PoolSpanObject(span: tracker.last, pools: tracker.lastPools), server: nil))
        defer {
            for (name, value) in saved {
                if let value { interpreter.globals[name] = value } else { interpreter.globals.removeValue(forKey: name) }
            }
        }
        return try await interpreter.evaluate(expression)
    }

    /// Starts counting a step: called whenever the runner shows one.
    func beginLessonStep() {
        lessonScope?.tracker.beginStep(pools: context.pools, server: server)
    }

    /// Reads the pools after a statement, for `last` and `step`.
    func recordLessonStatement() {
        lessonScope?.tracker.afterStatement(pools: context.pools)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PoolCore
import TrafficModels

/// A discrete-event simulation of one httpx client against one server, in virtual time.
///
/// The pool is PoolCore's ``PoolStateMachine``, fed exactly as PoolEngine feeds it (start attempts answered in
/// assignment order, pool timers fired at their deadlines, a server close reported with
/// ``PoolStateMachine/peerClosed(_:)`` and noticed at the next pass). The server is TrafficModels' latency models,
/// limiters and fault schedules, as in the mock. The SDK's retry loop is ``OpenAIRetryPolicy`` with seeded jitter.
///
/// ```swift
/// let config = SimulationConfiguration(
///     pool: PoolConfiguration(maxConnections: 10, maxKeepaliveConnections: 5, keepaliveExpiry: 5, algorithm: .httpcore1),
///     workload: .burst(20))
/// let result = Simulation(config).run()   // result.pool.opened == 20
/// ```
///
/// Memory is bounded by what is alive at once: queued and running requests, open connections, pending events.
public struct Simulation: Sendable {
    enum Event: Sendable {
        case arrival
        case startCall
        case retry(call: Int)
        case connected(connection: Int)
        case responded(request: Int)
        case poolTimer(PoolTimer)
        case serverIdleClose(connection: Int, generation: Int)
        /// The scenario's phase `index` (of ``scenario``) begins.
        case phase(Int)
    }

    enum Outcome: Sendable {
        case success(keepAlive: Bool)
        case status(Int, retryAfterMilliseconds: Int?, shouldRetry: Bool?, keepAlive: Bool)
        case broken(PoolError)
    }

    struct Call: Sendable {
        var start: Double
        var retriesTaken = 0
    }

    struct Attempt: Sendable {
        var call: Int
        var arrival: Double
        var outcome: Outcome?
        var admitted = false
    }

    struct ConnectionState: Sendable {
        var served = 0
        var generation = 0
    }

    private let configuration: SimulationConfiguration
    private var machine: PoolStateMachine
    private var queue = EventQueue<Event>()
    private var now = 0.0
    private var result: SimulationResult

    private var calls = SlidingTable<Call>()
    private var attempts = SlidingTable<Attempt>()
    private var connections = SlidingTable<ConnectionState>()
    /// The machine's actions being delivered; nested deliveries (a closed loop's next call) use the tail.
    private var pending: [PoolAction] = []
    /// Pool timers scheduled and not cancelled: a cancelled one still in the heap is skipped when it comes up.
    private var liveTimers: Set<Int> = []
    private var nextCall = 0
    private var nextRequest = 1
    private var callsIssued = 0
    private var callsFinished = 0
    private let totalCalls: Int?

    private var arrivalRandom: SeededRandom
    private var latencyRandom: SeededRandom
    private var jitterRandom: SeededRandom
    private var faultRandom: SeededRandom
    /// The server's knobs in force (the scenario's phase changes them) and its latency, ready to sample.
    private var server: ServerModel
    private var latency: LatencySampler
    private var limits: RequestLimits?
    private var faults: FaultSchedule
    private let policy: OpenAIRetryPolicy?
    /// Phased workloads: the phase under way and when it started.
    private var phaseIndex = 0
    private var phaseStart = 0.0
    /// The scenario's phases (each with the server model in force from its start), and the one under way;
    /// empty and -1 without a scenario.
    private let scenario: [ScenarioSchedule.Entry]
    private var scenarioPhase = -1
    /// Scripted arrival times (``Workload/arrivals(_:)``), sorted.
    private var scheduled: [Double] = []
    /// ∫ calls in the system dt and ∫ queued requests dt, for the time averages (Little's law).
    private var inSystemArea = 0.0
    private var queuedArea = 0.0

    /// Prepares a run; nothing happens until ``run()``.
    public init(_ configuration: SimulationConfiguration) {
        self.configuration = configuration
        machine = PoolStateMachine(configuration: configuration.pool, eventLogCapacity: 0)
        result = SimulationResult(configuration: configuration)
        let seed = configuration.seed
        arrivalRandom = SeededRandom(seed: seed)
        latencyRandom = SeededRandom(seed: seed &+ 0x1000_0000_0000_0001)
        jitterRandom = SeededRandom(seed: seed &+ 0x2000_0000_0000_0002)
        faultRandom = SeededRandom(seed: seed &+ 0x3000_0000_0000_0003)
        scenario = configuration.scenario.map { ScenarioSchedule($0, base: configuration.server).entries } ?? []
        let server = scenario.first?.server ?? configuration.server
        if !scenario.isEmpty {
            scenarioPhase = 0
            result.phases = scenario.map { PhaseSummary(name: $0.name, start: $0.start) }
        }
        self.server = server
        latency = LatencySampler(server.latency)
        if server.requestsPerSecond != nil || server.maxConcurrent != nil || server.requestsPerMinute != nil
            || server.tokensPerMinute != nil
        {
            limits = RequestLimits(
                requestsPerSecond: server.requestsPerSecond, maxConcurrent: server.maxConcurrent,
                requestsPerMinute: server.requestsPerMinute, tokensPerMinute: server.tokensPerMinute)
        }
        faults = FaultSchedule(rules: server.faults)
        policy = configuration.maxRetries.map { OpenAIRetryPolicy(maxRetries: max(0, $0)) }
        switch configuration.workload {
        case .burst(let n): totalCalls = max(0, n)
        case .poisson(_, let n), .closedLoop(_, let n): totalCalls = max(0, n)
        case .phases: totalCalls = nil
        case .arrivals(let times): totalCalls = times.count
        }
        if case .arrivals(let times) = configuration.workload { scheduled = times.sorted() }
    }

    /// Runs until every call has ended, and returns what happened.
    public mutating func run() -> SimulationResult {
        let clock = ContinuousClock()
        let started = clock.now
        // Phase changes come first among events at the same time (they are pushed first).
        for index in scenario.indices.dropFirst() { queue.push(.phase(index), at: scenario[index].start) }
        scheduleWorkload()
        while !isDone, let (time, event) = queue.pop() {
            let dt = time - now
            inSystemArea += Double(callsIssued - callsFinished) * dt
            queuedArea += Double(machine.queuedRequestCount) * dt
            now = time
            result.events += 1
            handle(event)
            result.timeline.record(
                time: now, queued: machine.queuedRequestCount, connections: machine.connectionCount)
        }
        result.requests = callsIssued
        result.pool = SpanCounters(from: nil, to: machine.currentCounters)
        result.simulatedSeconds = now
        if now > 0 {
            result.meanInSystem = inSystemArea / now
            result.meanQueued = queuedArea / now
        }
        if scenarioPhase >= 0 {
            result.phases[scenarioPhase].end = now
            result.phases.removeLast(result.phases.count - scenarioPhase - 1)  // phases the run never reached
        }
        let elapsed = clock.now - started
        result.wallSeconds = ServerLatency.seconds(elapsed)
        return result
    }

    private var isDone: Bool {
        guard let totalCalls else { return arrivalsOver && callsFinished == callsIssued }
        return callsFinished >= totalCalls
    }

    private var arrivalsOver = false

    // MARK: Workload

    private mutating func scheduleWorkload() {
        switch configuration.workload {
        case .burst(let n):
            if n > 0 { queue.push(.arrival, at: 0) }
        case .poisson(let rate, let n):
            if n > 0 && rate > 0 { queue.push(.arrival, at: exponential(rate: rate)) }
        case .closedLoop(let workers, let n):
            for _ in 0..<min(max(0, workers), n) { queue.push(.startCall, at: 0) }
        case .phases:
            scheduleNextPhasedArrival(after: 0)
        case .arrivals:
            if let first = scheduled.first { queue.push(.arrival, at: max(0, first)) }
        }
    }

    private mutating func exponential(rate: Double) -> Double {
        -log(1 - arrivalRandom.unit()) / rate
    }

    /// Non-homogeneous Poisson arrivals by thinning: candidates at the phase's highest rate, each kept with
    /// probability rate(t) / highest.
    private mutating func scheduleNextPhasedArrival(after time: Double) {
        guard case .phases(let phases) = configuration.workload else { return }
        var t = time
        while phaseIndex < phases.count {
            let phase = phases[phaseIndex]
            let top = max(phase.startRate, phase.endRate)
            let end = phaseStart + phase.duration
            if top > 0 {
                t += exponential(rate: top)
                if t < end {
                    let fraction = phase.duration > 0 ? (t - phaseStart) / phase.duration : 0
                    let rate = phase.startRate + (phase.endRate - phase.startRate) * fraction
                    if arrivalRandom.unit() * top <= rate {
                        queue.push(.arrival, at: t)
                        return
                    }
                    continue
                }
            }
            t = end
            phaseStart = end
            phaseIndex += 1
        }
        arrivalsOver = true
    }

    // MARK: Events

    private mutating func handle(_ event: Event) {
        switch event {
        case .arrival:
            startCall()
            switch configuration.workload {
            case .burst(let n):
                if callsIssued < n { queue.push(.arrival, at: now) }
            case .poisson(let rate, let n):
                if callsIssued < n { queue.push(.arrival, at: now + exponential(rate: rate)) }
            case .closedLoop:
                break
            case .phases:
                scheduleNextPhasedArrival(after: now)
            case .arrivals:
                if callsIssued < scheduled.count { queue.push(.arrival, at: max(now, scheduled[callsIssued])) }
            }
        case .startCall:
            startCall()
        case .retry(let call):
            startAttempt(call)
        case .connected(let id):
            let start = pending.count
            pending += machine.connectionEstablished(id, localPort: nil, now: now)
            perform(from: start)
        case .responded(let request):
            responded(request)
        case .poolTimer(let timer):
            if liveTimers.remove(timer.id) != nil {
                let start = pending.count
                machine.poolTimeoutFired(timer, now: now, into: &pending)
                perform(from: start)
            }
        case .serverIdleClose(let id, let generation):
            if connections[id]?.generation == generation { machine.peerClosed(id) }
        case .phase(let index):
            enterPhase(index)
        }
    }

    /// The scenario's next phase: its knobs apply from now on, as the mock applies a changed configuration
    /// (a new `rps` starts a fresh window, a new per-minute limit a full bucket, requests in progress keep
    /// their answers and their concurrency slots, a new fault list counts its `every n-th` afresh).
    private mutating func enterPhase(_ index: Int) {
        result.phases[scenarioPhase].end = now
        scenarioPhase = index
        let next = scenario[index].server
        if next.latency != server.latency { latency = LatencySampler(next.latency) }
        if next.faults != server.faults { faults.setRules(next.faults) }
        let anyLimit = next.requestsPerSecond != nil || next.maxConcurrent != nil || next.requestsPerMinute != nil
            || next.tokensPerMinute != nil
        if limits != nil || anyLimit {
            if limits == nil { limits = RequestLimits() }
            limits?.configure(
                requestsPerSecond: next.requestsPerSecond, maxConcurrent: next.maxConcurrent,
                requestsPerMinute: next.requestsPerMinute, tokensPerMinute: next.tokensPerMinute)
        }
        server = next
    }

    /// Counts into the phase under way (nothing without a scenario).
    @inline(__always) private mutating func countPhase(_ body: (inout PhaseSummary) -> Void) {
        if scenarioPhase >= 0 { body(&result.phases[scenarioPhase]) }
    }

    private mutating func startCall() {
        let call = nextCall
        nextCall += 1
        callsIssued += 1
        calls[call] = Call(start: now)
        startAttempt(call)
    }

    private mutating func startAttempt(_ call: Int) {
        let request = nextRequest
        nextRequest += 1
        result.attempts += 1
        attempts[request] = Attempt(call: call, arrival: now)
        let start = pending.count
        machine.requestArrived(
            request, origin: configuration.origin, poolTimeout: configuration.poolTimeout, now: now, into: &pending)
        perform(from: start)
    }

    private mutating func responded(_ request: Int) {
        guard let attempt = attempts[request], let outcome = attempt.outcome else { return }
        if attempt.admitted { limits?.finish(request) }
        let start = pending.count
        switch outcome {
        case .success(let keepAlive), .status(_, _, _, let keepAlive):
            machine.responseCompleted(request, keepAlive: keepAlive, now: now, into: &pending)
        case .broken(let error):
            pending += machine.requestFailed(request, error: error, now: now)
        }
        perform(from: start)
    }

    // MARK: Actions

    /// Delivers the machine's actions (``pending`` from `start` on) as PoolEngine does: start attempts are fed back
    /// in order, and the actions they produce join the end of the list. A delivery that starts another call (a
    /// closed loop) delivers that call's actions at once, depth first, from the end of the list, and truncates them.
    private mutating func perform(from start: Int) {
        var index = start
        defer { pending.removeLast(pending.count - start) }
        while index < pending.count {
            let action = pending[index]
            index += 1
            switch action {
            case .createConnection(let id, _, _):
                connections[id] = ConnectionState()
                result.peakConnections = max(result.peakConnections, connections.count)
                countPhase { $0.opened += 1 }
                queue.push(.connected(connection: id), at: now)
            case .attemptStart(let request, _):
                machine.startAttempted(request, now: now, into: &pending)
            case .execute(let request, let connection):
                execute(request, on: connection)
            case .closeConnection(let id, _):
                connections[id] = nil
            case .completeRequest(let request):
                guard let attempt = attempts.removeValue(forKey: request) else { continue }
                switch attempt.outcome {
                case .status(let code, let retryAfter, let shouldRetry, _):
                    var headers: [(name: String, value: String)] = []
                    if let retryAfter {
                        headers.append(("retry-after-ms", String(retryAfter)))
                        headers.append(("retry-after", String((retryAfter + 999) / 1000)))
                    }
                    if let shouldRetry { headers.append(("x-should-retry", String(shouldRetry))) }
                    attemptFailed(attempt.call, .status(code, headers: headers), name: Self.statusName(code, sdk: policy != nil))
                default:
                    finishCall(attempt.call, failure: nil)
                }
            case .failRequest(let request, let error):
                guard let attempt = attempts.removeValue(forKey: request) else { continue }
                let isTimeout = error == .poolTimeout || error == .readTimeout || error == .connectTimeout
                    || error == .writeTimeout
                let name: String
                if policy != nil {
                    name = isTimeout ? "APITimeoutError" : "APIConnectionError"
                } else {
                    name = Self.httpxName(error)
                }
                attemptFailed(attempt.call, isTimeout ? .timeout : .connectionError, name: name)
            case .scheduleTimer(let timer):
                liveTimers.insert(timer.id)
                queue.push(.poolTimer(timer), at: timer.deadline)
            case .cancelTimer(let timer):
                liveTimers.remove(timer.id)
            }
        }
    }

    /// The request starts on the connection: the server decides its answer now, as the mock does when the body
    /// is in (limits first, then faults, then latency).
    private mutating func execute(_ request: Int, on connection: Int) {
        guard var attempt = attempts[request] else { return }
        result.poolWait.record(now - attempt.arrival)
        countPhase { $0.attempts += 1 }
        var state = connections[connection] ?? ConnectionState()
        var delay = state.served == 0 ? server.connectCost : 0
        state.served += 1
        state.generation += 1
        connections[connection] = state
        let keepAlive = server.maxRequestsPerConnection.map { state.served < $0 } ?? true
        let outcome: Outcome
        if limits != nil,
            let rejection = limits?.admit(request, tokens: server.requestTokens, at: Self.duration(now)).rejection
        {
            result.rateLimited += 1
            countPhase { $0.rateLimited += 1 }
            outcome = .status(
                429, retryAfterMilliseconds: Self.milliseconds(rejection.retryAfter), shouldRetry: nil,
                keepAlive: keepAlive)
        } else {
            attempt.admitted = limits != nil
            let fault = server.faults.isEmpty ? nil : faults.next(random: &faultRandom)
            delay += latency.sample(&latencyRandom)
            switch fault {
            case nil, .malformedChunk?:
                outcome = .success(keepAlive: keepAlive)
            case .status(let code, let shouldRetry)?:
                if code == 429 {
                    result.rateLimited += 1
                    countPhase { $0.rateLimited += 1 }
                }
                outcome = .status(
                    code, retryAfterMilliseconds: code == 429 ? 1000 : nil, shouldRetry: shouldRetry,
                    keepAlive: keepAlive)
            case .closeWithoutResponse?:
                outcome = .broken(.remoteProtocolError())
            case .closeReusedConnection?:
                // Only a connection that has answered before is closed instead of answering, as the mock does.
                outcome = state.served > 1 ? .broken(.remoteProtocolError()) : .success(keepAlive: keepAlive)
            case .resetMidBody?:
                outcome = .broken(.readError("Server disconnected"))
            case .slowBody?:
                delay += 4 * ServerLatency.seconds(Fault.slowPause)
                outcome = .success(keepAlive: keepAlive)
            }
        }
        if case .success = outcome {} else { countPhase { $0.errors += 1 } }
        attempt.outcome = outcome
        attempts[request] = attempt
        queue.push(.responded(request: request), at: now + delay)
        if case .success(true) = outcome, let idle = server.idleTimeout {
            // The server's idle timer starts when the response is written.
            queue.push(.serverIdleClose(connection: connection, generation: state.generation), at: now + delay + idle)
        } else if case .status(_, _, _, true) = outcome, let idle = server.idleTimeout {
            queue.push(.serverIdleClose(connection: connection, generation: state.generation), at: now + delay + idle)
        }
    }

    // MARK: The call (the SDK's retry loop)

    private mutating func attemptFailed(_ call: Int, _ failure: OpenAIRetryPolicy.Failure, name: String) {
        guard let policy, var state = calls[call] else {
            finishCall(call, failure: name)
            return
        }
        switch policy.decide(failure, retriesTaken: state.retriesTaken, random: { jitterRandom.unit() }) {
        case .retry(let delay):
            state.retriesTaken += 1
            calls[call] = state
            result.retries += 1
            countPhase { $0.retries += 1 }
            queue.push(.retry(call: call), at: now + delay)
        case .giveUp:
            finishCall(call, failure: name)
        }
    }

    private mutating func finishCall(_ call: Int, failure: String?) {
        guard let state = calls.removeValue(forKey: call) else { return }
        callsFinished += 1
        if let failure {
            result.failed[failure, default: 0] += 1
        } else {
            result.completed += 1
        }
        result.latency.record(now - state.start)
        let took = now - state.start
        countPhase { phase in
            phase.callsEnded += 1
            if failure != nil { phase.callsFailed += 1 }
            phase.latency.record(took)
        }
        if case .closedLoop(_, let n) = configuration.workload, callsIssued < n {
            startCall()
        }
    }

    // MARK: Names and units

    /// What the caller sees for an HTTP error status: the openai SDK's exception, or (plain httpx, which raises
    /// nothing) the status itself.
    static func statusName(_ code: Int, sdk: Bool) -> String {
        guard sdk else { return "HTTP \(code)" }
        switch code {
        case 400: return "BadRequestError"
        case 401: return "AuthenticationError"
        case 403: return "PermissionDeniedError"
        case 404: return "NotFoundError"
        case 409: return "ConflictError"
        case 422: return "UnprocessableEntityError"
        case 429: return "RateLimitError"
        case 500...: return "InternalServerError"
        default: return "APIStatusError"
        }
    }

    /// httpx's exception class for a pool error.
    static func httpxName(_ error: PoolError) -> String {
        switch error {
        case .poolTimeout: "PoolTimeout"
        case .connectError: "ConnectError"
        case .connectTimeout: "ConnectTimeout"
        case .readTimeout: "ReadTimeout"
        case .writeTimeout: "WriteTimeout"
        case .poolClosed: "RuntimeError"
        default: error.message.hasPrefix("Server disconnected without") ? "RemoteProtocolError" : "ReadError"
        }
    }

    static func duration(_ seconds: Double) -> Duration {
        .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int((ServerLatency.seconds(duration) * 1000).rounded(.up))
    }
}

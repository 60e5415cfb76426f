/// Replays what one pool lived through under the other library's rules, so that "what would httpcore2 have done?"
/// is answered by running its algorithm, never assumed.
///
/// The replay keeps what the outside world did: each request arrives at its time with its origin, each response
/// takes as long as it took (or fails as it failed), a TCP connect takes the measured mean. The machine under test
/// decides everything else — which connection serves whom, what opens, what is trimmed, who times out. Server-side
/// closes of idle connections are not replayed (they belong to sockets the other pool would not have had).
public struct PoolReplay: Sendable {
    /// The outside world, read from an event log.
    public struct Inputs: Sendable, Equatable {
        public struct Arrival: Sendable, Equatable {
            public var time: Double
            public var request: Int
            public var origin: Origin
        }

        public var arrivals: [Arrival] = []
        /// Seconds from a request's start on a connection to its response's end.
        public var serviceTimes: [Int: Double] = [:]
        /// Requests whose response failed, with the time from their start.
        public var failures: [Int: (after: Double, error: PoolError)] = [:]
        /// Whether each completed response left its connection reusable.
        public var keepAlive: [Int: Bool] = [:]
        /// The mean TCP connect time seen (0 when no connect finished).
        public var connectTime: Double = 0
        /// For requests the real pool never started (timed out, still queued): the median service time.
        public var fallbackServiceTime: Double = 0

        public static func == (lhs: Inputs, rhs: Inputs) -> Bool {
            lhs.arrivals == rhs.arrivals && lhs.serviceTimes == rhs.serviceTimes && lhs.keepAlive == rhs.keepAlive
                && lhs.connectTime == rhs.connectTime && lhs.failures.keys == rhs.failures.keys
        }
    }

    /// Reads the outside world from a pool's log (which must reach back to the pool's creation).
    public static func inputs(from entries: [PoolLogEntry]) -> Inputs {
        var inputs = Inputs()
        var started: [Int: Double] = [:]
        var created: [Int: Double] = [:]
        var connects: [Double] = []
        for entry in entries {
            switch entry.event {
            case .requestArrived(let request, let origin):
                inputs.arrivals.append(.init(time: entry.time, request: request, origin: origin))
            case .requestStarted(let request, _):
                started[request] = entry.time
            case .responseCompleted(let request, _, let keepAlive):
                if let start = started[request] { inputs.serviceTimes[request] = entry.time - start }
                inputs.keepAlive[request] = keepAlive
            case .requestFailed(let request, let error):
                if let start = started[request], error != .poolTimeout {
                    inputs.failures[request] = (entry.time - start, error)
                }
            case .connectionCreated(let connection, _, _):
                created[connection] = entry.time
            case .connectionEstablished(let connection):
                if let start = created[connection] { connects.append(entry.time - start) }
            default:
                break
            }
        }
        if !connects.isEmpty { inputs.connectTime = connects.reduce(0, +) / Double(connects.count) }
        let sorted = inputs.serviceTimes.values.sorted()
        if !sorted.isEmpty { inputs.fallbackServiceTime = sorted[sorted.count / 2] }
        return inputs
    }

    /// Runs `inputs` through a fresh pool with `configuration` up to `end`, and returns what happened from
    /// `spanStart` on, in the span vocabulary.
    public static func run(
        _ inputs: Inputs, configuration: PoolConfiguration, poolTimeout: Double?, spanStart: Double, end: Double
    ) -> SpanCounters {
        var before: PoolCounters?
        let machine = drive(
            inputs, configuration: configuration, poolTimeout: poolTimeout, end: end, eventLogCapacity: 0
        ) { time, machine in
            if before == nil, time >= spanStart {
                machine.markSpan()
                before = machine.snapshot.counters
            }
        }
        guard let before else { return SpanCounters() }
        return SpanCounters(from: before, to: machine.snapshot.counters)
    }

    /// Runs `inputs` through a fresh pool and returns it (with its event log) as it stands at `end`.
    /// `beforeEvent` sees the machine before each event is applied.
    public static func drive(
        _ inputs: Inputs, configuration: PoolConfiguration, poolTimeout: Double?, end: Double,
        eventLogCapacity: Int = 512, beforeEvent: (Double, inout PoolStateMachine) -> Void = { _, _ in }
    ) -> PoolStateMachine {
        var world = World(inputs: inputs, poolTimeout: poolTimeout)
        var machine = PoolStateMachine(configuration: configuration, eventLogCapacity: eventLogCapacity)
        for arrival in inputs.arrivals { world.schedule(arrival.time, .arrival(arrival)) }
        while let (time, event) = world.next(), time <= end {
            beforeEvent(time, &machine)
            world.handle(event, at: time, in: &machine)
        }
        beforeEvent(.infinity, &machine)
        return machine
    }

    /// A burst: `count` requests to one origin arriving at `time`, each served in `serviceTime`.
    public static func burst(
        _ count: Int, at time: Double = 0, serviceTime: Double, connectTime: Double = 0.001, firstRequest: Int = 1,
        origin: Origin = Origin(scheme: "http", host: "127.0.0.1", port: 8000)
    ) -> Inputs {
        var inputs = Inputs()
        for request in firstRequest..<(firstRequest + count) {
            inputs.arrivals.append(.init(time: time, request: request, origin: origin))
            inputs.serviceTimes[request] = serviceTime
            inputs.keepAlive[request] = true
        }
        inputs.connectTime = connectTime
        inputs.fallbackServiceTime = serviceTime
        return inputs
    }

    /// The replay's clock and what is due on it.
    private struct World {
        enum Event {
            case arrival(Inputs.Arrival)
            case established(Int)
            case finished(request: Int)
            case timer(PoolTimer)
        }

        let inputs: Inputs
        let poolTimeout: Double?
        /// Due events, kept sorted by (time, sequence) so equal times keep the order they were scheduled in.
        var due: [(time: Double, sequence: Int, event: Event)] = []
        var sequence = 0
        var cancelledTimers: Set<Int> = []

        init(inputs: Inputs, poolTimeout: Double?) {
            self.inputs = inputs
            self.poolTimeout = poolTimeout
        }

        mutating func schedule(_ time: Double, _ event: Event) {
            let item = (time: time, sequence: sequence, event: event)
            sequence += 1
            let index = due.firstIndex { $0.time > time } ?? due.count
            due.insert(item, at: index)
        }

        mutating func next() -> (Double, Event)? {
            guard !due.isEmpty else { return nil }
            let item = due.removeFirst()
            return (item.time, item.event)
        }

        mutating func handle(_ event: Event, at now: Double, in machine: inout PoolStateMachine) {
            let actions: [PoolAction]
            switch event {
            case .arrival(let arrival):
                actions = machine.requestArrived(
                    arrival.request, origin: arrival.origin, poolTimeout: poolTimeout, now: now)
            case .established(let connection):
                actions = machine.connectionEstablished(connection, localPort: nil, now: now)
            case .finished(let request):
                if let failure = inputs.failures[request] {
                    actions = machine.requestFailed(request, error: failure.error, now: now)
                } else {
                    actions = machine.responseCompleted(request, keepAlive: inputs.keepAlive[request] ?? true, now: now)
                }
            case .timer(let timer):
                actions = cancelledTimers.contains(timer.id) ? [] : machine.poolTimeoutFired(timer, now: now)
            }
            perform(actions, at: now, in: &machine)
        }

        mutating func perform(_ actions: [PoolAction], at now: Double, in machine: inout PoolStateMachine) {
            var pending = actions[...]
            while let action = pending.popFirst() {
                switch action {
                case .createConnection(let connection, _, _):
                    schedule(now + inputs.connectTime, .established(connection))
                case .attemptStart(let request, _):
                    // The runner reports start attempts in the order the pass returned them.
                    pending += machine.startAttempted(request, now: now)
                case .execute(let request, _):
                    let duration =
                        inputs.failures[request]?.after ?? inputs.serviceTimes[request] ?? inputs.fallbackServiceTime
                    schedule(now + duration, .finished(request: request))
                case .scheduleTimer(let timer):
                    schedule(timer.deadline, .timer(timer))
                case .cancelTimer(let timer):
                    cancelledTimers.insert(timer.id)
                case .closeConnection, .completeRequest, .failRequest:
                    break
                }
            }
        }
    }
}

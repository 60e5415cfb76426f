import PoolCore

/// A tiny runner for tests: it performs the machine's actions on pretend sockets and throws on illegal ones
/// (a request ended twice, execute on a connection that is not open, a timer cancelled twice, …).
struct PoolWorld {
    enum Outcome: Equatable {
        case completed
        case failed(PoolError)
    }

    struct Illegal: Error, CustomStringConvertible {
        var description: String
    }

    var machine: PoolStateMachine
    var now: Double = 0
    /// Requests with a pending start attempt, in the order the machine assigned them.
    var startQueue: [Int] = []
    /// Connection → the request that dials it.
    var dialing: [Int: Int] = [:]
    /// Request → the connection it runs on.
    var running: [Int: Int] = [:]
    /// Order in which requests began running.
    var runOrder: [Int] = []
    var timers: [Int: PoolTimer] = [:]
    var outcomes: [Int: Outcome] = [:]
    var openConnections: Set<Int> = []
    /// Every connection the machine asked to dial.
    var everDialled: Set<Int> = []
    var maxOpenConnections = 0
    var actionCount = 0

    init(_ configuration: PoolConfiguration) {
        machine = PoolStateMachine(configuration: configuration)
    }

    init(max: Int?, keepalive: Int?, expiry: Double? = 5, _ algorithm: PoolAlgorithm) {
        self.init(
            PoolConfiguration(
                maxConnections: max,
                maxKeepaliveConnections: keepalive,
                keepaliveExpiry: expiry,
                algorithm: algorithm
            )
        )
    }

    mutating func apply(_ actions: [PoolAction]) throws {
        for action in actions {
            actionCount += 1
            switch action {
            case .createConnection(let c, _, let r):
                guard openConnections.insert(c).inserted else { throw Illegal(description: "connection \(c) twice") }
                everDialled.insert(c)
                dialing[c] = r
            case .attemptStart(let r, _):
                guard !startQueue.contains(r) else { throw Illegal(description: "start of \(r) twice") }
                startQueue.append(r)
            case .execute(let r, let c):
                guard openConnections.contains(c), running[r] == nil, !running.values.contains(c) else {
                    throw Illegal(description: "execute \(r) on \(c)")
                }
                running[r] = c
                runOrder.append(r)
                dialing[c] = nil
            case .closeConnection(let c, _):
                // A connection a pass created for another request has no socket until that request starts it.
                guard openConnections.remove(c) != nil || !everDialled.contains(c) else {
                    throw Illegal(description: "close \(c) twice")
                }
                // Only httpcore's aclose() closes a socket under a running request (which then fails).
                guard !running.values.contains(c) || machine.orphanedConnectionIDs.contains(c) else {
                    throw Illegal(description: "close \(c) under a request")
                }
                dialing[c] = nil
            case .completeRequest(let r):
                try end(r, .completed)
            case .failRequest(let r, let error):
                try end(r, .failed(error))
            case .scheduleTimer(let timer):
                guard timers.updateValue(timer, forKey: timer.id) == nil else {
                    throw Illegal(description: "timer \(timer.id) twice")
                }
            case .cancelTimer(let timer):
                guard timers.removeValue(forKey: timer.id) != nil else {
                    throw Illegal(description: "cancel of unknown timer \(timer.id)")
                }
            }
            maxOpenConnections = Swift.max(maxOpenConnections, openConnections.count)
        }
    }

    private mutating func end(_ r: Int, _ outcome: Outcome) throws {
        guard outcomes[r] == nil else { throw Illegal(description: "request \(r) ended twice") }
        outcomes[r] = outcome
        running[r] = nil
        startQueue.removeAll { $0 == r }
    }

    // MARK: Events, each returning the machine's actions after applying them.

    @discardableResult
    mutating func arrive(_ r: Int, _ origin: Origin = .test, pool: Double? = nil) throws -> [PoolAction] {
        let actions = machine.requestArrived(r, origin: origin, poolTimeout: pool, now: now)
        try apply(actions)
        return actions
    }

    @discardableResult
    mutating func attemptStart(_ r: Int) throws -> [PoolAction] {
        guard let i = startQueue.firstIndex(of: r) else { throw Illegal(description: "no pending start for \(r)") }
        startQueue.remove(at: i)
        let actions = machine.startAttempted(r, now: now)
        try apply(actions)
        return actions
    }

    /// Delivers every pending start attempt in order, including those that later passes add.
    mutating func deliverStarts() throws {
        var guardCount = 0
        while let r = startQueue.first {
            guardCount += 1
            if guardCount > 100_000 { throw Illegal(description: "start loop does not end") }
            try attemptStart(r)
        }
    }

    @discardableResult
    mutating func establish(_ c: Int, port: Int? = nil) throws -> [PoolAction] {
        let actions = machine.connectionEstablished(c, localPort: port, now: now)
        try apply(actions)
        return actions
    }

    @discardableResult
    mutating func establishAll() throws -> [PoolAction] {
        var all: [PoolAction] = []
        for c in dialing.keys.sorted() { all += try establish(c, port: 40_000 + c) }
        return all
    }

    @discardableResult
    mutating func complete(_ r: Int, keepAlive: Bool = true) throws -> [PoolAction] {
        let actions = machine.responseCompleted(r, keepAlive: keepAlive, now: now)
        try apply(actions)
        return actions
    }

    @discardableResult
    mutating func fire(timerFor r: Int) throws -> [PoolAction] {
        guard let timer = timers.values.first(where: { $0.requestID == r }) else {
            throw Illegal(description: "no timer for \(r)")
        }
        timers[timer.id] = nil
        now = Swift.max(now, timer.deadline)
        let actions = machine.poolTimeoutFired(timer, now: now)
        try apply(actions)
        return actions
    }

    @discardableResult
    mutating func cancel(_ r: Int) throws -> [PoolAction] {
        let actions = machine.requestCancelled(r, now: now)
        try apply(actions)
        return actions
    }

    var repr: String { machine.snapshot.repr(className: "AsyncConnectionPool") }
}

extension Origin {
    static let test = Origin(scheme: "http", host: "127.0.0.1", port: 8000)
    static let other = Origin(scheme: "http", host: "127.0.0.1", port: 9000)
}

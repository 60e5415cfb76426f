import PoolCore

extension ConnectionPool {
    /// Everything behind the pool's one lock: the pure machine plus the runner's handles.
    struct State: ~Copyable {
        var machine: PoolStateMachine
        var nextRequestID = 1
        /// Requests in the pool: what to send, and whom to tell.
        var requests: [Int: (request: PoolRequest, pending: PendingRequest)] = [:]
        /// Open connections by machine ID.
        var connections: [Int: any PoolConnection] = [:]
        /// Dials in flight by connection ID.
        var dials: [Int: Task<Void, Never>] = [:]
        /// Connections the machine dropped while their dial was in flight: closed as soon as they arrive.
        var abandoned: Set<Int> = []
        /// Sends in flight by request ID.
        var executions: [Int: Execution] = [:]
        /// Dials whose outcome waits for the connect's loop turns, by connection ID.
        var connectGates: [Int: ConnectGate] = [:]
        /// httpcore 1.0.9's per-connection locks that start attempts pass (``ConnectionPool/StartLocks``).
        var startLocks: [Int: StartLocks] = [:]
        /// Requests in a turn where a cancellation lands in one of httpcore 1.0.9's leak windows, by request ID
        /// (``ConnectionPool/CancelWindow``).
        var cancelWindows: [Int: CancelWindow] = [:]
        /// Requests whose task was cancelled, until the cancellation reaches the pool (``ConnectionPool/cancel(_:)``):
        /// like asyncio's `_must_cancel`, it is thrown at the task's next step, even one already queued.
        var cancelsRequested: Set<Int> = []
        /// Traced requests' traces by request ID (``RequestTrace``); empty unless a request has a trace callback.
        var traces: [Int: RequestTrace] = [:]
        /// Pool-timeout timers by timer ID.
        var timers: [Int: PoolTimer] = [:]
        /// The one task that sleeps until the earliest armed deadline (``ConnectionPool/armTimer(_:in:)``).
        var timerSleeper: (deadline: Double, task: Task<Void, Never>)?
        /// Work collected under the lock, done after unlocking.
        var unlocked: [Unlocked] = []
        /// Streams returned by ``ConnectionPool/changes(bufferingPolicy:)``, by subscription ID.
        var observers: [Int: AsyncStream<PoolSnapshot>.Continuation] = [:]
        var nextObserverID = 1

        init(machine: PoolStateMachine) {
            self.machine = machine
        }
    }

    /// A dial's outcome and whether the turns a connect takes in CPython have passed
    /// (``ConnectionPool/connectTurns``); the outcome is applied once both are in.
    struct ConnectGate {
        var turnsPassed = false
        var outcome: Result<any PoolConnection, PoolError>?
    }

    /// A send in flight: the task that drives it, or — a buffered, untraced request on an HTTP/1.1 channel — the
    /// channel's event loop (``HTTP1Connection/sendBuffered(_:cancellation:completion:)``).
    enum Execution: Sendable {
        case task(Task<Void, Never>)
        case channel(ChannelCancellation)

        /// Stops the send: cancels its task, or closes its channel.
        func cancel() {
            switch self {
            case .task(let task): task.cancel()
            case .channel(let cancellation): cancellation.cancel()
            }
        }
    }

    /// I/O and callbacks performed after the lock is released.
    enum Unlocked: Sendable {
        case close(any PoolConnection)
        case finish(PendingRequest, Result<PoolStreamedResponse, PoolError>)
        /// Cancelling runs cancellation handlers synchronously (the factory's, the clock's), so it waits until the
        /// pool's lock is released.
        case cancel(Task<Void, Never>)
        case cancelExecution(Execution)
        /// Send a buffered request on the channel's event loop (``ConnectionPool/sendBuffered(_:_:on:_:)``).
        case sendBuffered(Int, PoolRequest, HTTP1Connection, ChannelCancellation)
        /// Deliver the request's start attempt when its task next runs (``PoolAction/attemptStart(_:on:)``).
        case attemptStart(Int)
        /// Count the turns of a dial that just started (``ConnectionPool/countConnectTurns(_:)``).
        case countConnectTurns(Int)
        /// Start dialling the connection one turn later (``ConnectionPool/startDial(_:origin:request:in:)``).
        case dialAfterCheckpoint(Int, Origin, Int)
        /// The request's next step on its way through a connection's locks, one turn later.
        case lockStep(LockStep, Int, Int)
    }
}

/// A fixed-window rate limit: at most ``limit`` units per ``window``, counted in windows that start
/// with the first request after the previous window ended (the mock server's `rps` knob).
///
/// Time is an input, measured as a `Duration` since any origin the caller keeps fixed (server start,
/// a simulator's time zero), so the limiter is a plain value that tests and simulators drive directly.
/// A unit is one request for `rps`; a token limit is the same limiter counting tokens (`cost`) over a
/// one-minute window.
public struct FixedWindowLimiter: Sendable, Hashable {
    /// What one ``admit(cost:at:)`` decided, with what the `x-ratelimit-*-requests` headers report.
    public struct Decision: Sendable, Hashable {
        /// Whether the units were admitted (and counted).
        public var admitted: Bool
        /// The limit in force; `nil` when there is none (the window still counts).
        public var limit: Int?
        /// Units in the current window including this request's, rejected or not.
        public var used: Int
        /// Time from now to the end of the current window; never negative.
        public var reset: Duration

        public init(admitted: Bool, limit: Int?, used: Int, reset: Duration) {
            self.admitted = admitted
            self.limit = limit
            self.used = used
            self.reset = reset
        }

        /// Units left in the window out of `limit` (`displayedLimit` when there is none); never negative.
        public func remaining(displayedLimit: Int) -> Int {
            max(0, (limit ?? displayedLimit) - used)
        }

        /// How long a rejected request should wait: ``reset``, at least 1 ms; `nil` when admitted.
        public var retryAfter: Duration? {
            admitted ? nil : max(reset, .milliseconds(1))
        }
    }

    /// Units admitted per window; `nil`: no limit (requests are still counted).
    public private(set) var limit: Int?
    /// The length of a window.
    public let window: Duration
    /// When the current window started; `nil` before the first request (or after a limit change).
    public private(set) var windowStart: Duration?
    /// Units admitted in the current window.
    public private(set) var used = 0

    /// A limiter with no window started yet.
    public init(limit: Int?, window: Duration = .seconds(1)) {
        self.limit = limit
        self.window = window
    }

    /// Sets the limit; a different value starts a fresh window (the same value changes nothing).
    public mutating func setLimit(_ limit: Int?) {
        guard limit != self.limit else { return }
        self.limit = limit
        windowStart = nil
        used = 0
    }

    /// Counts `cost` units arriving at `now`: they join the current window if it started less than
    /// ``window`` ago, else they start a new one. Units that would take the window beyond ``limit`` are
    /// rejected and not counted.
    public mutating func admit(cost: Int = 1, at now: Duration) -> Decision {
        if let start = windowStart, now - start < window {
            used += cost
        } else {
            windowStart = now
            used = cost
        }
        let reset = max(.zero, (windowStart ?? now) + window - now)
        var decision = Decision(admitted: true, limit: limit, used: used, reset: reset)
        if let limit, used > limit {
            used -= cost  // a rejected request does not use the window
            decision.admitted = false
        }
        return decision
    }
}

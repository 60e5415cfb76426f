/// A per-minute limit that refills continuously, as api.openai.com's request and token limits do
/// (the mock server's `rpm` and `tpm` knobs).
///
/// The bucket holds ``capacity`` units and regains them evenly: one unit every `period / capacity`.
/// Its whole state is one instant, ``fullAt``: when it will be full again if nothing more is taken
/// (at or before now: full). Time is an input, a `Duration` since any origin the caller keeps fixed,
/// so tests and simulators drive it directly. Arithmetic is exact (attoseconds), so a client that
/// waits exactly ``Decision/retryAfter`` always finds room.
public struct TokenBucket: Sendable, Hashable {
    /// What one ``take(_:at:)`` decided, with what the `x-ratelimit-*` headers report.
    public struct Decision: Sendable, Hashable {
        /// Whether the units were taken.
        public var admitted: Bool
        /// The bucket's capacity (`x-ratelimit-limit-…`).
        public var limit: Int
        /// Whole units left after this decision (`x-ratelimit-remaining-…`).
        public var remaining: Int
        /// Time until the bucket is full again (`x-ratelimit-reset-…`); never negative.
        public var reset: Duration
        /// When rejected: how long until the requested units fit; `nil` when admitted.
        public var retryAfter: Duration?

        public init(admitted: Bool, limit: Int, remaining: Int, reset: Duration, retryAfter: Duration?) {
            self.admitted = admitted
            self.limit = limit
            self.remaining = remaining
            self.reset = reset
            self.retryAfter = retryAfter
        }
    }

    /// Units the bucket holds when full (the per-period limit).
    public private(set) var capacity: Int
    /// The time a full refill takes (one minute for `rpm` and `tpm`).
    public let period: Duration
    /// When the bucket is full again, in attoseconds × ``capacity`` (one unit refills in exactly
    /// `period` attoseconds of this scale, so no rounding accumulates).
    private var fullAtScaled: Int128 = 0

    /// When the bucket is full again if nothing more is taken (rounded up to an attosecond); at or
    /// before now means full.
    public var fullAt: Duration { Self.duration(Self.ceilDiv(fullAtScaled, Int128(capacity))) }

    /// A full bucket of `capacity` units (at least 1) refilling over `period`.
    public init(capacity: Int, period: Duration = .seconds(60)) {
        self.capacity = max(1, capacity)
        self.period = period
    }

    /// Sets the capacity; a different value starts over with a full bucket.
    public mutating func setCapacity(_ capacity: Int) {
        let capacity = max(1, capacity)
        guard capacity != self.capacity else { return }
        self.capacity = capacity
        fullAtScaled = 0
    }

    /// One unit's refill time on the scaled clock: the period in attoseconds.
    private var unit: Int128 { Self.attoseconds(period) }

    private func scaled(_ time: Duration) -> Int128 { Self.attoseconds(time) * Int128(capacity) }

    /// Whole units available at `now` (a unit partly refilled does not count).
    public func available(at now: Duration) -> Int {
        let deficit = fullAtScaled - scaled(now)
        guard deficit > 0 else { return capacity }
        return max(0, capacity - Int(Self.ceilDiv(deficit, unit)))
    }

    /// Time until the bucket is full again, seen from `now` (rounded up to an attosecond).
    public func reset(at now: Duration) -> Duration {
        Self.duration(Self.ceilDiv(max(0, fullAtScaled - scaled(now)), Int128(capacity)))
    }

    /// Takes `cost` units at `now` if they fit; a rejected request takes nothing. A cost above the
    /// capacity never fits (its ``Decision/retryAfter`` is the time until the bucket is full).
    public mutating func take(_ cost: Int, at now: Duration) -> Decision {
        let cost = max(0, cost)
        let nowScaled = scaled(now)
        let after = max(fullAtScaled, nowScaled) + Int128(cost) * unit
        let overflow = after - nowScaled - Int128(capacity) * unit  // > 0: the bucket lacks room
        if overflow > 0 {
            let wait = cost > capacity
                ? reset(at: now) : Self.duration(Self.ceilDiv(overflow, Int128(capacity)))
            return Decision(
                admitted: false, limit: capacity, remaining: available(at: now), reset: reset(at: now),
                retryAfter: max(wait, .nanoseconds(1)))
        }
        fullAtScaled = after
        return Decision(
            admitted: true, limit: capacity, remaining: available(at: now), reset: reset(at: now), retryAfter: nil)
    }

    /// Settles a reservation: `units` come back to the bucket (negative: take that many more, even
    /// beyond empty, as a request whose usage exceeded its reservation does). Never fuller than full.
    public mutating func giveBack(_ units: Int, at now: Duration) {
        let nowScaled = scaled(now)
        let moved = max(fullAtScaled, nowScaled) - Int128(units) * unit
        fullAtScaled = max(moved, nowScaled)
    }

    private static func ceilDiv(_ a: Int128, _ b: Int128) -> Int128 { (a + b - 1) / b }

    private static func attoseconds(_ duration: Duration) -> Int128 {
        let (seconds, attoseconds) = duration.components
        return Int128(seconds) * 1_000_000_000_000_000_000 + Int128(attoseconds)
    }

    private static func duration(_ attoseconds: Int128) -> Duration {
        let (seconds, rest) = attoseconds.quotientAndRemainder(dividingBy: 1_000_000_000_000_000_000)
        return Duration(secondsComponent: Int64(seconds), attosecondsComponent: Int64(rest))
    }
}

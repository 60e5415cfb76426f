import NIOCore

/// A timeout that moves often and rarely fires, such as httpx's read timeout, restarted by every read.
///
/// NIO's timer is armed once; moving the deadline later is a store, not a cancel and a schedule. When the armed
/// timer goes off before the current deadline, it is armed again for what is left. Clearing keeps the armed timer,
/// which then finds nothing due; ``cancel()`` disarms it for good (the channel is going away).
struct DeadlineTimer {
    /// When the timeout expires; nil when it does not run.
    private(set) var deadline: NIODeadline?
    private var armed: (at: NIODeadline, task: Scheduled<Void>)?

    /// What the armed timer found when it went off (``fired()``).
    enum Firing {
        /// The deadline has passed: the timeout expired.
        case expired
        /// The deadline moved later: arm again at this time.
        case rearm(NIODeadline)
        /// The timeout was cleared.
        case nothing
    }

    /// Runs the timeout until `deadline`; `arm` schedules NIO's timer at a time when none is armed at or before it.
    mutating func set(_ deadline: NIODeadline, arm: (NIODeadline) -> Scheduled<Void>?) {
        self.deadline = deadline
        if let armed, armed.at <= deadline { return }
        armed?.task.cancel()
        armed = arm(deadline).map { (deadline, $0) }
    }

    /// Stops the timeout; the armed timer, if any, stays and finds nothing due.
    mutating func clear() {
        deadline = nil
    }

    /// Stops the timeout and disarms NIO's timer.
    mutating func cancel() {
        deadline = nil
        armed?.task.cancel()
        armed = nil
    }

    /// Call when the armed timer goes off, at `now`.
    mutating func fired(now: NIODeadline) -> Firing {
        armed = nil
        guard let deadline else { return .nothing }
        guard now >= deadline else { return .rearm(deadline) }
        self.deadline = nil
        return .expired
    }

    /// Records the timer ``fired()`` asked for.
    mutating func rearmed(at time: NIODeadline, _ task: Scheduled<Void>?) {
        armed = task.map { (time, $0) }
    }
}

import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT while a command runs (the tty is cooked then, so Ctrl-C raises SIGINT).
///
/// While libedit is editing, ISIG is off and Ctrl-C arrives as a key instead, handled by
/// ``LibEditLineReader``. Call ``install()`` once at start-up; the command runner polls
/// ``takePending()`` (or checks it after a cancellable wait) to cancel the running request.
/// A SIGINT sent from outside while editing is counted too, so call ``takePending()`` once before
/// starting each command to drop stale interrupts.
public enum InterruptSignal {
    /// Signals received and not yet taken. Only atomics are touched from the handler.
    private static let pending = Atomic<Int>(0)

    /// The handler: async-signal-safe (one atomic add), non-capturing.
    private static let handler: @convention(c) (Int32) -> Void = { _ in
        InterruptSignal.pending.add(1, ordering: .relaxed)
    }

    /// Installs the SIGINT handler with `SA_RESTART`, so interrupted reads and writes resume.
    public static func install() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
    }

    /// True if at least one SIGINT arrived since the last call; resets the count.
    public static func takePending() -> Bool {
        pending.exchange(0, ordering: .relaxed) > 0
    }
}

import Testing

@testable import LineEditing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct InterruptSignalTests {
    @Test func countsRaisedSIGINTAndResets() {
        InterruptSignal.install()
        _ = InterruptSignal.takePending()
        // The test runner's threads may block SIGINT; unblock it here so raise() delivers it
        // synchronously to this thread before returning.
        var set = sigset_t()
        var previous = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        raise(SIGINT)
        #expect(InterruptSignal.takePending())
        #expect(!InterruptSignal.takePending())
    }
}

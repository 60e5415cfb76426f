import Testing

import TrafficModels

/// The `rps` window and the `max_concurrent` cap, fed explicit times.
@Suite struct RequestLimitsTests {
    static func ms(_ value: Int64) -> Duration { .milliseconds(value) }

    @Test func theWindowAdmitsTheLimitThenRejectsUntilItEnds() {
        var limiter = FixedWindowLimiter(limit: 2)
        let first = limiter.admit(at: Self.ms(100))
        #expect(first == .init(admitted: true, limit: 2, used: 1, reset: Self.ms(1000)))
        #expect(first.remaining(displayedLimit: 10_000) == 1)
        #expect(limiter.admit(at: Self.ms(400)).admitted)
        let third = limiter.admit(at: Self.ms(700))
        #expect(!third.admitted && third.used == 3 && third.reset == Self.ms(400))
        #expect(third.remaining(displayedLimit: 10_000) == 0)
        #expect(third.retryAfter == Self.ms(400))
        #expect(limiter.used == 2)  // the rejected request was not counted
        #expect(limiter.admit(at: Self.ms(1099)).retryAfter == Self.ms(1))
        let next = limiter.admit(at: Self.ms(1100))  // the window [100, 1100) is over
        #expect(next.admitted && next.used == 1 && next.reset == Self.ms(1000))
        #expect(limiter.windowStart == Self.ms(1100))
    }

    @Test func withoutALimitTheWindowStillCounts() {
        var limiter = FixedWindowLimiter(limit: nil)
        for i in 0..<5 { #expect(limiter.admit(at: Self.ms(Int64(i))).admitted) }
        let decision = limiter.admit(at: Self.ms(10))
        #expect(decision.used == 6 && decision.remaining(displayedLimit: 10_000) == 9_994)
    }

    @Test func costCountsSeveralUnitsAndANewLimitStartsAFreshWindow() {
        var tokens = FixedWindowLimiter(limit: 100, window: .seconds(60))
        #expect(tokens.admit(cost: 60, at: .zero).admitted)
        #expect(!tokens.admit(cost: 50, at: .seconds(30)).admitted)
        #expect(tokens.admit(cost: 40, at: .seconds(59)).admitted)
        tokens.setLimit(100)
        #expect(tokens.used == 100)
        tokens.setLimit(200)
        #expect(tokens.used == 0 && tokens.windowStart == nil)
    }

    @Test func concurrencyHoldsASlotUntilFinished() {
        var limiter = ConcurrencyLimiter(limit: 2)
        let admitted = [limiter.admit(1), limiter.admit(2), limiter.admit(3)]
        #expect(admitted == [true, true, false])
        limiter.finish(1)
        let third = limiter.admit(3)
        #expect(third)
        #expect(limiter.inProgress == [2, 3])
        limiter.limit = nil
        let fourth = limiter.admit(4)
        #expect(fourth)
    }

    @Test func theWindowIsCheckedBeforeTheConcurrencyCap() {
        var limits = RequestLimits(requestsPerSecond: 2, maxConcurrent: 1)
        #expect(limits.admit(1, at: .zero).rejection == nil)
        // Turned away by the cap: it was counted in the window.
        let second = limits.admit(2, at: Self.ms(10))
        #expect(second.rejection == .init(reason: .concurrentRequests, limit: 1, retryAfter: Self.ms(100)))
        #expect(second.window.used == 2)
        // Turned away by the window: not counted, and the cap is not consulted.
        let third = limits.admit(3, at: Self.ms(20))
        #expect(third.rejection == .init(reason: .requestsPerSecond, limit: 2, retryAfter: Self.ms(980)))
        #expect("\(third.rejection!.reason)" == "requests per second")
        limits.finish(1)
        #expect(limits.admit(4, at: Self.ms(1000)).rejection == nil)
        #expect(limits.concurrency.inProgress == [4])
    }

    @Test func configureKeepsTheWindowUnlessTheRateChanges() {
        var limits = RequestLimits(requestsPerSecond: 1)
        #expect(limits.admit(1, at: .zero).rejection == nil)
        limits.configure(requestsPerSecond: 1, maxConcurrent: nil)
        #expect(limits.admit(2, at: Self.ms(1)).rejection?.reason == .requestsPerSecond)
        limits.configure(requestsPerSecond: 2, maxConcurrent: nil)
        #expect(limits.admit(3, at: Self.ms(2)).window.used == 1)
    }
}

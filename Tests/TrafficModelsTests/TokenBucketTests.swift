import Testing
import TrafficModels

/// The per-minute bucket behind `rpm` and `tpm`: continuous refill, exact waits, settling.
@Suite struct TokenBucketTests {
    @Test func fullBucketAdmitsUpToCapacityThenRejects() {
        var bucket = TokenBucket(capacity: 60)  // one unit per second
        let first = bucket.take(59, at: .zero)
        #expect(first.admitted)
        #expect(first.remaining == 1)
        #expect(first.reset == .seconds(59))
        #expect(bucket.take(1, at: .zero).admitted)
        let rejected = bucket.take(1, at: .zero)
        #expect(!rejected.admitted)
        #expect(rejected.remaining == 0)
        #expect(rejected.retryAfter == .seconds(1))
    }

    @Test func refillsContinuouslyAndWaitingExactlyRetryAfterIsEnough() {
        var bucket = TokenBucket(capacity: 6000)  // 100 tokens per second
        #expect(bucket.take(5900, at: .zero).admitted)
        #expect(bucket.available(at: .milliseconds(500)) == 150)
        let rejected = bucket.take(250, at: .milliseconds(500))
        #expect(!rejected.admitted)
        let wait = try! #require(rejected.retryAfter)
        #expect(wait == .milliseconds(1000))
        #expect(!bucket.take(250, at: .milliseconds(500) + wait - .nanoseconds(1)).admitted)
        #expect(bucket.take(250, at: .milliseconds(500) + wait).admitted)
    }

    @Test func unevenRateStaysExact() {
        var bucket = TokenBucket(capacity: 7)  // one unit every 60/7 s
        for _ in 0..<7 { #expect(bucket.take(1, at: .zero).admitted) }
        let rejected = bucket.take(1, at: .seconds(1))
        let wait = try! #require(rejected.retryAfter)
        #expect(bucket.take(1, at: .seconds(1) + wait).admitted)
    }

    @Test func settlingGivesBackWhatWasNotUsedAndChargesOverruns() {
        var bucket = TokenBucket(capacity: 1000)
        #expect(bucket.take(600, at: .zero).admitted)
        bucket.giveBack(500, at: .zero)  // used 100 of 600
        #expect(bucket.available(at: .zero) == 900)
        bucket.giveBack(-950, at: .zero)  // used 950 more than reserved: below empty
        #expect(bucket.available(at: .zero) == 0)
        #expect(bucket.reset(at: .zero) == .milliseconds(63_000))
        bucket.giveBack(10_000, at: .zero)  // never fuller than full
        #expect(bucket.available(at: .zero) == 1000)
    }

    @Test func costAboveCapacityNeverFits() {
        var bucket = TokenBucket(capacity: 100)
        let rejected = bucket.take(101, at: .zero)
        #expect(!rejected.admitted)
        #expect(rejected.remaining == 100)
    }

    @Test func newCapacityStartsFull() {
        var bucket = TokenBucket(capacity: 10)
        _ = bucket.take(10, at: .zero)
        bucket.setCapacity(20)
        #expect(bucket.available(at: .zero) == 20)
    }

    @Test func requestLimitsCountRejectedRequestsNowhere() {
        var limits = RequestLimits(requestsPerSecond: 10, requestsPerMinute: 100, tokensPerMinute: 1000)
        let big = limits.admit(1, tokens: 2000, at: .zero)
        #expect(big.rejection?.reason == .tokensPerMinute)
        #expect(big.rejection?.requested == 2000)
        #expect(big.rejection?.used == 0)
        #expect(big.requests?.remaining == 100)
        #expect(limits.rate.used == 0)
        let ok = limits.admit(2, tokens: 800, at: .zero)
        #expect(ok.rejection == nil)
        #expect(ok.requests?.remaining == 99)
        #expect(ok.tokens?.remaining == 200)
        #expect(limits.settle(2, used: 50, at: .zero) == 50)
        #expect(limits.tokenView(at: .zero)?.remaining == 950)
        #expect(limits.settle(2, used: 50, at: .zero) == nil)
    }

    @Test func rpmBucketRejectsWithRequestsReason() {
        var limits = RequestLimits(requestsPerMinute: 2)
        #expect(limits.admit(1, at: .zero).rejection == nil)
        #expect(limits.admit(2, at: .zero).rejection == nil)
        let third = limits.admit(3, at: .seconds(10))
        #expect(third.rejection?.reason == .requestsPerMinute)
        #expect(third.rejection?.retryAfter == .seconds(20))
    }
}

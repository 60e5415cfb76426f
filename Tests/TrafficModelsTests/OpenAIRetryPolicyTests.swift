import Testing

import TrafficModels

/// The openai SDK's retry decisions, as a table, with the jitter's random number fixed.
@Suite struct OpenAIRetryPolicyTests {
    typealias Failure = OpenAIRetryPolicy.Failure

    static let policy = OpenAIRetryPolicy(maxRetries: 2)

    /// The decision after the first attempt, with the jitter's random number 0.5 (backoff 0.4375 s).
    static func decide(_ failure: Failure, retriesTaken: Int = 0, policy: OpenAIRetryPolicy = policy)
        -> OpenAIRetryPolicy.Decision
    {
        policy.decide(failure, retriesTaken: retriesTaken) { 0.5 }
    }

    static func status(_ code: Int, _ headers: (String, String)...) -> Failure {
        .status(code, headers: headers.map { (name: $0.0, value: $0.1) })
    }

    @Test func transportFailuresAreRetriedWithBackoff() {
        #expect(Self.decide(.timeout) == .retry(after: 0.4375))
        #expect(Self.decide(.connectionError, retriesTaken: 1) == .retry(after: 0.875))
        #expect(Self.decide(.timeout, retriesTaken: 2) == .giveUp)
        #expect(Self.decide(.connectionError, policy: OpenAIRetryPolicy(maxRetries: 0)) == .giveUp)
    }

    @Test func statusesThatAreRetried() {
        for code in [408, 409, 429, 500, 502, 503, 504, 599] {
            #expect(Self.decide(Self.status(code)) == .retry(after: 0.4375), "\(code)")
        }
        for code in [200, 301, 400, 401, 403, 404, 422] {
            #expect(Self.decide(Self.status(code)) == .giveUp, "\(code)")
        }
        #expect(Self.decide(Self.status(503), retriesTaken: 2) == .giveUp)
    }

    @Test func xShouldRetryForcesOrForbids() {
        #expect(Self.decide(Self.status(500, ("x-should-retry", "false"))) == .giveUp)
        #expect(Self.decide(Self.status(429, ("X-Should-Retry", "false"), ("retry-after", "1"))) == .giveUp)
        #expect(Self.decide(Self.status(400, ("x-should-retry", "true"))) == .retry(after: 0.4375))
        #expect(Self.decide(Self.status(400, ("x-should-retry", "TRUE"))) == .giveUp)  // compared exactly
        #expect(Self.decide(Self.status(200, ("x-should-retry", "true"))) == .giveUp)  // not a failure
        #expect(Self.decide(Self.status(400, ("x-should-retry", "true")), retriesTaken: 2) == .giveUp)
    }

    @Test func serverDelaysAreFollowedUpTo120Seconds() {
        #expect(Self.decide(Self.status(429, ("retry-after-ms", "1500"))) == .retry(after: 1.5))
        #expect(Self.decide(Self.status(503, ("Retry-After", "2.5"))) == .retry(after: 2.5))
        #expect(Self.decide(Self.status(429, ("retry-after-ms", "250"), ("retry-after", "7"))) == .retry(after: 0.25))
        #expect(Self.decide(Self.status(429, ("retry-after-ms", "soon"), ("retry-after", "7"))) == .retry(after: 7))
        #expect(Self.decide(Self.status(429, ("retry-after", "120"))) == .retry(after: 120))
        #expect(Self.decide(Self.status(429, ("retry-after-ms", "120000"))) == .retry(after: 120))
        // Over 120 s: no retry at all, even when the server says to.
        #expect(Self.decide(Self.status(429, ("retry-after", "121"))) == .giveUp)
        #expect(Self.decide(Self.status(500, ("retry-after-ms", "120001"), ("x-should-retry", "true"))) == .giveUp)
        // Zero, negative, or not a number (an HTTP-date included): the backoff.
        for value in ["0", "-3", "Wed, 21 Oct 2015 07:28:00 GMT", " 2"] {
            #expect(Self.decide(Self.status(429, ("retry-after", value))) == .retry(after: 0.4375), "\(value)")
        }
        // A delay on an answer that is not retried changes nothing.
        #expect(Self.decide(Self.status(400, ("retry-after", "1"))) == .giveUp)
    }

    @Test func backoffDoublesUpTo8SecondsWithUpTo25PercentJitter() {
        let noJitter = (0..<7).map { OpenAIRetryPolicy.backoff(retriesTaken: $0, random: 0) }
        #expect(noJitter == [0.5, 1, 2, 4, 8, 8, 8])
        #expect(OpenAIRetryPolicy.backoff(retriesTaken: 0, random: 0.999) == 0.5 * (1 - 0.25 * 0.999))
        #expect(OpenAIRetryPolicy.backoff(retriesTaken: 3, random: 0.5) == 3.5)
        #expect(OpenAIRetryPolicy.backoff(retriesTaken: 1_000, random: 1) == 6)
    }

    @Test func theJitterIsDrawnOnlyForTheBackoff() {
        var draws = 0
        let policy = OpenAIRetryPolicy(maxRetries: 1)
        func random() -> Double {
            draws += 1
            return 0.25
        }
        #expect(policy.decide(Self.status(429, ("retry-after", "3")), retriesTaken: 0, random: random) == .retry(after: 3))
        #expect(policy.decide(Self.status(404), retriesTaken: 0, random: random) == .giveUp)
        #expect(policy.decide(.timeout, retriesTaken: 1, random: random) == .giveUp)
        #expect(draws == 0)
        #expect(policy.decide(.timeout, retriesTaken: 0, random: random) == .retry(after: 0.5 * (1 - 0.25 * 0.25)))
        #expect(draws == 1)
    }

    @Test func aSeededGeneratorRepeatsItsDelays() {
        func delays(seed: UInt64) -> [OpenAIRetryPolicy.Decision] {
            var generator = SeededRandom(seed: seed)
            let policy = OpenAIRetryPolicy(maxRetries: 5)
            return (0..<5).map { policy.decide(.connectionError, retriesTaken: $0, using: &generator) }
        }
        let first = delays(seed: 11)
        #expect(first == delays(seed: 11))
        for (n, decision) in first.enumerated() {
            guard case .retry(let seconds) = decision else {
                Issue.record("expected a retry, got \(decision)")
                continue
            }
            let base = min(0.5 * Double(1 << n), 8)
            #expect(seconds > base * 0.75 && seconds <= base)
        }
        if case .retry(let seconds) = OpenAIRetryPolicy().decide(.timeout, retriesTaken: 0) {
            #expect(seconds > 0.375 && seconds <= 0.5)
        } else {
            Issue.record("the default policy retries a first timeout")
        }
    }

    @Test func headersAreReadAsHttpxReadsThem() {
        let headers: [(name: String, value: String)] = [("Retry-After", "1"), ("retry-after", "2"), ("x", "y")]
        #expect(OpenAIRetryPolicy.header("RETRY-AFTER", in: headers) == "1, 2")
        #expect(OpenAIRetryPolicy.serverDelay(in: headers) == nil)  // "1, 2" is not a number
        #expect(OpenAIRetryPolicy.serverDelay(in: [("retry-after-ms", "1e3")]) == 1)
        #expect(OpenAIRetryPolicy.header("absent", in: headers) == nil)
        #expect(OpenAIRetryPolicy().maxRetries == 2)
    }
}

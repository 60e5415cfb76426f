import Testing

import TrafficModels

/// Faults' text form and which request gets which fault.
@Suite struct FaultScheduleTests {
    @Test func textFormRoundTrips() {
        for text in ["500", "503+retry", "429+noretry", "close", "reset", "slow", "malformed"] {
            #expect(Fault(text)?.description == text)
        }
        #expect(Fault("CLOSE") == .closeWithoutResponse)
        for text in ["200", "600", "503+maybe", "boom", ""] { #expect(Fault(text) == nil, "\(text)") }
        #expect(FaultRule("503@0.2") == FaultRule(.status(503, shouldRetry: nil), .probability(0.2)))
        #expect(FaultRule("close") == FaultRule(.closeWithoutResponse, .every(1)))
        #expect(FaultRule("500/3")?.description == "500/3")
        for text in ["503@1.5", "500/0", "teapot/2"] { #expect(FaultRule(text) == nil, "\(text)") }
    }

    @Test func everyNthCountsFromTheLastChangeOfRules() {
        var random = SeededRandom(seed: 1)
        var schedule = FaultSchedule(rules: [FaultRule(.status(500, shouldRetry: nil), .every(3))])
        let faults = (0..<6).map { _ in schedule.next(random: &random) }
        #expect(faults == [nil, nil, .status(500, shouldRetry: nil), nil, nil, .status(500, shouldRetry: nil)])
        #expect(schedule.next(random: &random) == nil)
        schedule.setRules(schedule.rules)
        #expect(schedule.count == 7)
        schedule.setRules([FaultRule(.slowBody, .every(2))])
        #expect(schedule.count == 0)
        #expect(schedule.next(random: &random) == nil)
        #expect(schedule.next(random: &random) == .slowBody)
    }

    @Test func anOverrideIsCountedButDrawsNothing() {
        var random = SeededRandom(seed: 9)
        var copy = random
        var schedule = FaultSchedule(rules: [FaultRule(.resetMidBody, .probability(0.5))])
        #expect(schedule.next(override: .malformedChunk, random: &random) == .malformedChunk)
        #expect(schedule.count == 1)
        #expect(random.next() == copy.next())
    }

    @Test func probabilityIsSeededAndTheFirstFiringRuleWins() {
        func draw() -> [Fault?] {
            var random = SeededRandom(seed: 42)
            var schedule = FaultSchedule(rules: [
                FaultRule(.status(503, shouldRetry: nil), .probability(0.5)), FaultRule(.closeWithoutResponse, .every(4)),
            ])
            return (0..<400).map { _ in schedule.next(random: &random) }
        }
        let faults = draw()
        #expect(faults == draw())
        let failures = faults.filter { $0 == .status(503, shouldRetry: nil) }.count
        #expect((160...240).contains(failures))
        #expect(faults.contains(.closeWithoutResponse))
        #expect(faults.enumerated().allSatisfy { index, fault in fault != .closeWithoutResponse || (index + 1) % 4 == 0 })
    }

    @Test func seededRandomRepeatsAndStaysInTheUnitInterval() {
        var a = SeededRandom(seed: 5)
        var b = SeededRandom(seed: 5)
        let values = (0..<1000).map { _ in a.unit() }
        #expect(values == (0..<1000).map { _ in b.unit() })
        #expect(values.allSatisfy { (0..<1).contains($0) })
        #expect(SeededRandom(seed: 0) != SeededRandom(seed: 1))
    }
}

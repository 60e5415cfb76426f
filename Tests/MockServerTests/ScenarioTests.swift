import NIOCore
import TrafficModels
import Testing

@testable import MockServer

/// Scenario files: phases on the (virtual) clock, per-route knobs, precedence, bad files, built-ins.
@Suite struct ScenarioTests {
    static let yaml = """
        name: test-outage
        description: a short outage
        phases:
          - at: 0s
            latency: 0ms
          - at: 30s
            name: outage
            fault: 503
          - at: 60s
            fault: none
        routes:
          models:
            fault: none
          chat:
            latency: 2s
        """

    @Test func parsesNameDescriptionPhasesAndRoutes() throws {
        let scenario = try Scenario.parse(Self.yaml, file: "outage.yaml")
        #expect(scenario.name == "test-outage")
        #expect(scenario.description == "a short outage")
        #expect(scenario.phases.map(\.at) == [.zero, .seconds(30), .seconds(60)])
        #expect(scenario.phases.map(\.name) == ["at 0ms", "outage", "at 1m0s"])
        #expect(scenario.routes["chat"] == [Scenario.Knob("latency", "2s", line: 15)])
        #expect(scenario.phaseIndex(at: .seconds(29)) == 0)
        #expect(scenario.phaseIndex(at: .seconds(30)) == 1)
        #expect(scenario.phaseIndex(at: .seconds(3600)) == 2)
    }

    @Test func eachPhaseChangesOnlyTheKnobsItNames() throws {
        let scenario = try Scenario.parse(Self.yaml, file: "outage.yaml")
        var base = MockServerConfiguration(latency: .milliseconds(300))
        base.requestsPerSecond = 7
        let outage = scenario.configuration(base: base, throughPhase: 1)
        #expect(outage.latency == .zero)  // from phase 0, kept
        #expect(outage.faults.map(\.description) == ["503/1"])
        #expect(outage.requestsPerSecond == 7)  // from the base, untouched
        #expect(scenario.configuration(base: base, throughPhase: 2).faults.isEmpty)
    }

    @Test func phasesTakeEffectAtTheirTimesAndRoutesAndHeadersTakePrecedence() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .milliseconds(100)))
        harness.server.loadScenario(try Scenario.parse(Self.yaml, file: "outage.yaml"), at: harness.channel.eventLoop.now)
        #expect(try harness.exchange(Requests.get("/v1/models")).status == 200)  // phase 0: latency 0ms
        harness.advance(.seconds(30))
        #expect(try harness.exchange(Requests.get("/v1/models")).status == 200)  // route: models fault none
        let chat = try harness.exchange(Requests.chat(headers: ["x-poolplay-latency: 0ms"]))
        #expect(chat.status == 503)  // phase fault; the header beats the route's 2 s latency
        let header = try harness.exchange(Requests.get("/v1/models", headers: ["x-poolplay-fault: 500"]))
        #expect(header.status == 500)  // the header beats the route
        try harness.send(Requests.chat())
        #expect(try harness.responses().isEmpty)  // route latency 2 s
        harness.advance(.seconds(2))
        #expect(try harness.responses().first?.status == 503)
        harness.advance(.seconds(28))  // 60 s: the last phase, which stays
        #expect(try harness.exchange(Requests.chat(headers: ["x-poolplay-latency: 0ms"])).status == 200)
        harness.advance(.seconds(600))
        #expect(try harness.exchange(Requests.chat(headers: ["x-poolplay-latency: 0ms"])).status == 200)
        let phases = harness.ledger.requests.map(\.phase)
        #expect(phases == ["at 0ms", "outage", "outage", "outage", "outage", "at 1m0s", "at 1m0s"])
        let log = harness.server.takeScenarioLog()
        #expect(log.count == 4)
        #expect(log[0].hasPrefix("scenario test-outage loaded"))
        #expect(log[2] == "scenario test-outage: phase 'outage' (at 30s): fault=503")
    }

    @Test(arguments: [
        ("name: x\nphases:\n  - at: 0s\n    latency: soon\n", 4, "latency: expected"),
        ("name: x\nphases:\n  - latency: 1s\n", 3, "no 'at: <duration>'"),
        ("name: x\nphases:\n  - at: 0s\n    lattency: 1s\n", 4, "unknown knob 'lattency'"),
        ("name: x\nroutes:\n  chat:\n    rps: 5\n", 4, "'rps' cannot be set per route"),
        ("name: x\nroutes:\n  images:\n    latency: 1s\n", 3, "unknown route 'images'"),
        ("name: x\nphases: [\n", 3, "invalid YAML"),
        ("description: no name\nphases:\n  - at: 0s\n    latency: 1s\n", 1, "no 'name:'"),
        ("name: x\nstages: []\n", 2, "unknown key 'stages'"),
    ])
    func badFilesAreRejectedWithFileAndLine(text: String, line: Int, message: String) {
        #expect {
            try Scenario.parse(text, file: "bad.yaml")
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.file == "bad.yaml" && error.line == line && error.message.contains(message)
                && error.description.hasPrefix("bad.yaml:\(line): ")
        }
    }

    @Test func builtInsParseAndAreListed() throws {
        #expect(Scenario.builtIn.map(\.name) == Scenario.builtInNames)
        #expect(Scenario.builtInList.split(separator: "\n").count == 3)
        let flaky = try Scenario.load("flaky-keepalive")
        let configuration = flaky.configuration(base: .init(), throughPhase: 0)
        #expect(try #require(configuration.idleTimeout) <= .seconds(5))  // httpx's keepalive_expiry
        #expect(configuration.faults.contains { $0.fault == .closeReusedConnection })
        let limited = try Scenario.load("rate-limited").configuration(base: .init(), throughPhase: 0)
        #expect(limited.requestsPerMinute != nil && limited.tokensPerMinute != nil)
        #expect(throws: ScenarioError.self) { try Scenario.load("/nonexistent/scenario.yaml") }
    }

    @Test func closeReusedAnswersANewConnectionAndClosesAReusedOne() throws {
        let harness = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([("fault", "close_reused")]))
        #expect(try harness.exchange(Requests.get("/v1/models")).status == 200)
        try harness.send(Requests.get("/v1/models"))
        #expect(try harness.responses().isEmpty)
        #expect(harness.ledger.connections.first?.closeReason == ConnectionRecord.Reason.fault)
    }
}

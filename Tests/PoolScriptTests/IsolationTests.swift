@testable import PoolScript
import Testing

/// The integrator keeps an interpreter inside an actor (or on the main actor); this must compile in
/// Swift 6 mode and work.
actor SessionActor {
    let host = TestHost()
    let interpreter: Interpreter
    init() { interpreter = Interpreter(host: host) }
    func run(_ source: String) async -> String {
        let result = await interpreter.run(source, mode: .interactive)
        return host.output + render(result)
    }
}

@MainActor final class MainSession {
    let host = TestHost()
    let interpreter: Interpreter
    init() { interpreter = Interpreter(host: host) }
    func run(_ source: String) async -> String {
        let result = await interpreter.run(source, mode: .interactive)
        return host.output + render(result)
    }
}

@Suite struct IsolationTests {
    @Test func runsInsideAnActor() async {
        let session = SessionActor()
        #expect(await session.run("1 + 1") == "2\n")
    }

    @Test @MainActor func runsOnTheMainActor() async {
        let session = MainSession()
        #expect(await session.run("import asyncio\nawait asyncio.gather(asyncio.sleep(0))") == "[None]\n")
    }
}

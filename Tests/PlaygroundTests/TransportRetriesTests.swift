#if canImport(Glibc)
import Glibc
#endif
import LineEditing
import PoolCore
import PoolEngine
import Synchronization
import PoolTestSupport
import Testing

@testable import Playground
@testable import PythonModels

/// `httpx.AsyncHTTPTransport(retries=N)` at the Python level, against a loopback port that refuses connections:
/// N + 1 TCP connect attempts, then `httpx.ConnectError: All connection attempts failed`. Counts come from the
/// factory and the pool's event log, not from timing.
@Suite struct TransportRetriesTests {
    /// Counts the real NIO connect attempts.
    final class CountingFactory: ConnectionFactory {
        let base = NIOConnectionFactory()
        private let count = Atomic<Int>(0)
        var attempts: Int { count.load(ordering: .relaxed) }

        func makeConnection(to origin: Origin, connectTimeout: Duration?) async throws -> any PoolConnection {
            count.add(1, ordering: .relaxed)
            return try await base.makeConnection(to: origin, connectTimeout: connectTimeout)
        }
    }

    private func run(_ module: String, retries: String) async throws -> (CapturedOutput, Int, [PoolLogEntry]) {
        let closed = try ClosedPort()
        let factory = CountingFactory()
        let output = CapturedOutput()
        var options = Session.Options()
        options.showPanels = false
        let session = Session(
            environment: ["HOME": "/nonexistent"], server: nil, options: options, output: output, factory: factory)
        let lines = [
            "import \(module)",
            "client = \(module).AsyncClient(transport=\(module).AsyncHTTPTransport(retries=\(retries)))",
            "client._transport._pool._retries",
            "await client.get('http://127.0.0.1:\(closed.port)/v1/models')",
        ]
        await session.runREPL(reader: ScriptedLineReader(lines))
        let log = session.context.pools.first?.engine.eventLog ?? []
        await session.shutdown()
        return (output, factory.attempts, log)
    }

    private static func attempts(_ log: [PoolLogEntry]) -> [PoolLogEntry.Event] {
        log.map(\.event).filter {
            if case .connectAttemptFailed = $0 { true } else { false }
        }
    }

    @Test(arguments: ["httpx", "httpx2"])
    func retriesZeroIsOneAttempt(_ module: String) async throws {
        let (output, attempts, log) = try await run(module, retries: "0")
        #expect(output.stdout == "0\n")
        #expect(output.stderr.hasSuffix("\n\(module).ConnectError: All connection attempts failed\n"))
        #expect(attempts == 1)
        #expect(Self.attempts(log) == [.connectAttemptFailed(connection: 1, attempt: 1, error: .connectError, retryDelay: nil)])
    }

    @Test(arguments: ["httpx", "httpx2"])
    func retriesTwoIsThreeAttempts(_ module: String) async throws {
        let (output, attempts, log) = try await run(module, retries: "2")
        #expect(output.stdout == "2\n")
        #expect(output.stderr.hasSuffix("\n\(module).ConnectError: All connection attempts failed\n"))
        #expect(attempts == 3)
        #expect(
            Self.attempts(log) == [
                .connectAttemptFailed(connection: 1, attempt: 1, error: .connectError, retryDelay: 0),
                .connectAttemptFailed(connection: 1, attempt: 2, error: .connectError, retryDelay: 0.5),
                .connectAttemptFailed(connection: 1, attempt: 3, error: .connectError, retryDelay: nil),
            ])
    }

    @Test func retryCountFollowsPythonsArithmetic() {
        #expect(PoolObject.retryCount(.int(3)) == 3)
        #expect(PoolObject.retryCount(.int(-2)) == 0)
        #expect(PoolObject.retryCount(.bool(true)) == 1)
        #expect(PoolObject.retryCount(.float(2.5)) == 3)
        #expect(PoolObject.retryCount(.float(2.0)) == 2)
        #expect(PoolObject.retryCount(.none) == 0)
    }
}

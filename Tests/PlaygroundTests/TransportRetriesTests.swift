#if canImport(Glibc)
import Glibc
#endif
import LineEditing
import PoolCore
import PoolEngine
import Synchronization
import Testing

@testable import Playground

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
        let closed = try ClosedPortForPlayground()
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

/// A loopback port that refuses connections while this value lives (bound, never listening), as
/// `Tests/PoolEngineTests/ClosedPort.swift` does.
final class ClosedPortForPlayground {
    let port: Int
    private let descriptor: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PortError() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            close(fd)
            throw PortError()
        }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }

    struct PortError: Error {}
}

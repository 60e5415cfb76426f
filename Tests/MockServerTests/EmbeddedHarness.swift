import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing

@testable import MockServer

/// A ``MockHTTPHandler`` behind NIO's real HTTP server codec on an `EmbeddedChannel`: tests write raw
/// request bytes and read raw response bytes, on virtual time.
final class EmbeddedHarness {
    let channel: EmbeddedChannel
    let server: MockServerState

    init(configuration: MockServerConfiguration = .init(latency: .zero)) throws {
        channel = EmbeddedChannel()
        server = MockServerState(configuration: configuration, startTime: channel.embeddedEventLoop.now)
        try setUp(port: 40_000)
    }

    /// A second connection to the same server as `other`, on the same virtual clock.
    init(sharing other: EmbeddedHarness, port: Int = 40_001) throws {
        channel = EmbeddedChannel(loop: other.channel.embeddedEventLoop)
        server = other.server
        try setUp(port: port)
    }

    private func setUp(port: Int) throws {
        try MockServer.configureConnection(channel, state: server)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: port)).wait()
    }

    /// Writes raw request bytes into the server.
    func send(_ raw: String) throws {
        try channel.writeInbound(ByteBuffer(string: raw))
    }

    /// Everything the server has written so far.
    func drainOutput() throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let data = try channel.readOutbound(as: IOData.self) {
            switch data {
            case .byteBuffer(let buffer): bytes += buffer.readableBytesView
            case .fileRegion: Issue.record("unexpected file region")
            }
        }
        return bytes
    }

    /// Every complete response written so far.
    func responses() throws -> [ParsedResponse] {
        try ParsedResponse.parseAll(drainOutput())
    }

    /// Sends one request and returns the single response it produced at once.
    func exchange(_ raw: String) throws -> ParsedResponse {
        try send(raw)
        let responses = try responses()
        try #require(responses.count == 1)
        return responses[0]
    }

    var ledger: Ledger { server.ledger }

    /// Moves the virtual clock on.
    func advance(_ duration: Duration) {
        channel.embeddedEventLoop.advanceTime(by: TimeAmount(duration))
    }

    /// A configuration with zero latency and the given knobs applied.
    static func configuration(_ knobs: [(String, String)]) throws -> MockServerConfiguration {
        var configuration = MockServerConfiguration(latency: .zero)
        for (name, value) in knobs { try configuration.apply(name, value) }
        return configuration
    }
}

import NIOCore
import NIOHTTP1
import NIOPosix
import PoolCore

/// Opens real TCP connections with SwiftNIO and wraps each in an `HTTP1Connection`.
///
/// httpcore's `connect_tcp` for the `http` scheme: one TCP connect per attempt (retries are the caller's), with
/// `TCP_NODELAY` set as httpcore does (`_backends/anyio.py`, `socket_options`). `https` is refused before a
/// factory is asked.
///
/// Every connection a factory opens runs on one event loop, as every socket of an asyncio program is polled by one
/// selector: its reads are reported in the order the kernel reports them, and its writes go out in the order they
/// were queued (``HTTP1Connection/sendBuffered(_:cancellation:completion:)``). On a group's several loops, two
/// connections' responses would race each other, and a burst's connections would drift out of CPython's lock-step.
public struct NIOConnectionFactory: ConnectionFactory {
    private let eventLoop: any EventLoop
    private let order: ExchangeOrder

    /// - Parameter eventLoopGroup: the group whose next event loop runs all the channels; NIO's shared singleton
    ///   group by default.
    public init(eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.eventLoop = eventLoopGroup.next()
        self.order = ExchangeOrder(eventLoop: eventLoop)
    }

    /// Dials `origin` and sets up the HTTP/1.1 client pipeline.
    ///
    /// - Parameters:
    ///   - origin: scheme, host and port; the host may be a name or an IP address.
    ///   - connectTimeout: httpx's `Timeout.connect`; `nil` means no timeout of ours (NIO needs a value, so one
    ///     day stands in, and the operating system's own connect timeout ends it sooner).
    /// - Returns: an `HTTP1Connection`, idle.
    /// - Throws: `PoolError.connectTimeout` when the timeout passed, `PoolError.connectError` for every other
    ///   failure (refused, unreachable, unknown host), `PoolError.cancelled` when the task was cancelled.
    public func makeConnection(to origin: Origin, connectTimeout: Duration?) async throws -> any PoolConnection {
        let bootstrap = ClientBootstrap(group: eventLoop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(connectTimeout.map(TimeAmount.init) ?? .hours(24))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(HTTP1ClientChannelHandler())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: origin.host, port: origin.port).get()
        } catch {
            throw Self.poolError(forConnectFailure: error)
        }
        if Task.isCancelled {
            // Connecting is not interruptible; a connection nobody waits for any more is closed at once.
            try? await channel.close()
            throw PoolError.cancelled
        }
        return HTTP1Connection(channel: channel, order: order)
    }

    /// The httpx error for a failed connect: `ConnectTimeout` when NIO's connect timeout fired (directly, or
    /// inside its happy-eyeballs summary), `ConnectError` ("All connection attempts failed") otherwise.
    static func poolError(forConnectFailure error: any Error) -> PoolError {
        func isTimeout(_ error: any Error) -> Bool {
            if case ChannelError.connectTimeout = error { return true }
            return false
        }
        if isTimeout(error) { return .connectTimeout }
        if let summary = error as? NIOConnectionError, summary.connectionErrors.contains(where: { isTimeout($0.error) })
        {
            return .connectTimeout
        }
        return .connectError
    }
}

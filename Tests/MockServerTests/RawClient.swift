import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A raw TCP client for loopback tests: one socket, bytes in and out, written with NIO.
///
/// Every wait is bounded by a watchdog that closes the socket after `timeout`; a read that ends
/// because of the watchdog throws ``RawClientError/timedOut``, never hangs and never passes as a
/// server close.
struct RawSession: ~Copyable {
    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let timedOut: TimeoutFlag
    private var buffer: [UInt8] = []
    /// The client's local port, as the server records it in `ConnectionRecord.clientPort`.
    let localPort: Int

    fileprivate init(
        iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        timedOut: TimeoutFlag,
        localPort: Int
    ) {
        self.iterator = iterator
        self.outbound = outbound
        self.timedOut = timedOut
        self.localPort = localPort
    }

    /// Sends raw bytes.
    func send(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// Reads until one complete response has arrived.
    mutating func readResponse() async throws -> ParsedResponse {
        while true {
            if let (response, consumed) = try ParsedResponse.parseFirst(buffer) {
                buffer.removeFirst(consumed)
                return response
            }
            guard let chunk = try await iterator.next() else {
                throw timedOut.isSet ? RawClientError.timedOut : RawClientError.closedBeforeResponse
            }
            buffer += chunk.readableBytesView
        }
    }

    /// Reads until the server closes the connection; returns the bytes that came before the close.
    ///
    /// A reset counts as a close: a server that closes with request bytes still unread makes the kernel
    /// send RST (RFC 1122 §4.2.2.13).
    mutating func readUntilServerCloses() async throws -> [UInt8] {
        do {
            while let chunk = try await iterator.next() {
                buffer += chunk.readableBytesView
            }
        } catch let error as IOError where error.errnoCode == ECONNRESET {
            // closed by reset
        }
        if timedOut.isSet { throw RawClientError.timedOut }
        defer { buffer = [] }
        return buffer
    }
}

enum RawClientError: Error {
    case timedOut
    case closedBeforeResponse
}

final class TimeoutFlag: Sendable {
    private let flag = Atomic(false)
    var isSet: Bool { flag.load(ordering: .acquiring) }
    func set() { flag.store(true, ordering: .releasing) }
}

/// Opens a connection to `127.0.0.1:port`, runs `body` with it, and closes it.
///
/// - Parameters:
///   - timeout: the watchdog; the socket is closed after this long and waits throw `timedOut`.
///   - resetOnClose: close with `SO_LINGER` 0, so the server sees a TCP RST instead of a FIN.
func withRawConnection<Result: Sendable>(
    port: Int,
    timeout: Duration = .seconds(5),
    resetOnClose: Bool = false,
    _ body: (inout RawSession) async throws -> Result
) async throws -> Result {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connectTimeout(.seconds(2))
        .connect(host: "127.0.0.1", port: port) { channel in
            let lingered: EventLoopFuture<Void> =
                if resetOnClose, let provider = channel as? SocketOptionProvider {
                    provider.setSoLinger(linger(l_onoff: 1, l_linger: 0))
                } else {
                    channel.eventLoop.makeSucceededVoidFuture()
                }
            return lingered.flatMapThrowing {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    let flag = TimeoutFlag()
    let watchdog = channel.channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) { [channel = channel.channel] in
        flag.set()
        channel.close(promise: nil)
    }
    defer { watchdog.cancel() }
    let localPort = channel.channel.localAddress?.port ?? 0
    return try await channel.executeThenClose { inbound, outbound in
        var session = RawSession(
            iterator: inbound.makeAsyncIterator(),
            outbound: outbound,
            timedOut: flag,
            localPort: localPort
        )
        return try await body(&session)
    }
}

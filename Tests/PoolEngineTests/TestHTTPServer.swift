import NIOCore
import NIOPosix
import Synchronization

/// A tiny scripted HTTP/1.1 server on 127.0.0.1 for the connection's loopback tests.
///
/// It speaks raw bytes, so it can misbehave on purpose: each request's path picks a script. It counts accepted
/// TCP connections, which is how the tests see reuse (AHC's `ConnectionsCountHandler` idea).
///
/// | path | reply |
/// |---|---|
/// | `/cl` | 200, `Content-Length: 5`, `hello` |
/// | `/chunked` | 200, chunked `hello world` in two chunks |
/// | `/stall-body` | 200, `Content-Length: 10`, `abc`, then silence |
/// | `/close` | 200 with `Connection: close`, then closes |
/// | `/until-close` | 200 without length, `bye`, then closes |
/// | `/no-response` | closes without a byte |
/// | `/cut-cl` | `Content-Length: 10`, 3 bytes, closes |
/// | `/cut-chunked` | a chunked head and half a chunk, closes |
/// | `/slow` | nothing, ever (read timeouts) |
/// | `/then-close` | 200 `Content-Length: 2`, `ok` (keep-alive), then closes the idle connection |
/// | `/echo` (any other path) | 200 whose body is the raw request head and body it received |
final class TestHTTPServer: Sendable {
    let port: Int
    private let serverChannel: any Channel
    private let accepted: Counter

    private init(serverChannel: any Channel, accepted: Counter) {
        self.serverChannel = serverChannel
        self.port = serverChannel.localAddress?.port ?? 0
        self.accepted = accepted
    }

    /// Binds 127.0.0.1 on a free port and starts serving.
    ///
    /// - Parameter readsRequests: false makes a server that accepts connections but never reads from them, so
    ///   a large request body fills the socket buffers (write timeouts).
    static func start(readsRequests: Bool = true) async throws -> TestHTTPServer {
        let accepted = Counter()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.autoRead, value: readsRequests)
            .childChannelInitializer { child in
                accepted.value.add(1, ordering: .relaxed)
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ScriptedResponder())
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return TestHTTPServer(serverChannel: channel, accepted: accepted)
    }

    /// TCP connections accepted so far.
    var acceptedConnections: Int {
        accepted.value.load(ordering: .relaxed)
    }

    /// Stops listening (open connections end when their clients close them).
    func stop() async throws {
        try await serverChannel.close()
    }

    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }
}

/// Reads requests as bytes and plays the script their path names.
private final class ScriptedResponder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var buffer = ByteBuffer()

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        buffer.writeBuffer(&incoming)
        while let request = takeRequest() {
            play(request, context: context)
        }
    }

    /// Removes one complete request (head plus `Content-Length` body) from the buffer.
    private func takeRequest() -> (path: String, raw: String)? {
        let text = String(buffer: buffer)
        guard let headEnd = text.utf8.firstRange(of: "\r\n\r\n".utf8) else { return nil }
        let head = String(text[..<headEnd.lowerBound])
        let lines = head.split(separator: "\r\n")
        let length =
            lines.dropFirst().compactMap { line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                return Int(parts[1].filter { $0 != " " })
            }.first ?? 0
        let headBytes = text.utf8.distance(from: text.startIndex, to: headEnd.upperBound)
        guard buffer.readableBytes >= headBytes + length else { return nil }
        let raw = buffer.readString(length: headBytes + length) ?? ""
        let path = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        return (path, raw)
    }

    private func play(_ request: (path: String, raw: String), context: ChannelHandlerContext) {
        switch request.path {
        case "/cl":
            send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", context: context)
        case "/chunked":
            send(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n",
                context: context
            )
        case "/close":
            send("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", context: context, close: true)
        case "/until-close":
            send("HTTP/1.1 200 OK\r\n\r\nbye", context: context, close: true)
        case "/no-response":
            context.close(promise: nil)
        case "/cut-cl":
            send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", context: context, close: true)
        case "/cut-chunked":
            send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\nabc", context: context, close: true)
        case "/slow":
            break
        case "/stall-body":
            send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", context: context)
        case "/then-close":
            send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", context: context, close: true)
        default:
            let body = request.raw
            send("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)", context: context)
        }
    }

    private func send(_ text: String, context: ChannelHandlerContext, close: Bool = false) {
        let written = context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)))
        if close {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }
}

@available(*, unavailable)
extension ScriptedResponder: Sendable {}

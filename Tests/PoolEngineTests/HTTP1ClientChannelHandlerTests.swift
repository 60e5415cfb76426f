#if canImport(NIOEmbedded)
import NIOCore
import NIOEmbedded
import NIOHTTP1
import PoolCore
import Testing

@testable import PoolEngine

/// The channel handler alone, on an `EmbeddedChannel`: request parts out, response parts in, virtual time.
///
/// The tests are synchronous on purpose: an `EmbeddedEventLoop` must stay on the thread that made it.
@Suite struct HTTP1ClientChannelHandlerTests {
    private let origin = Origin(scheme: "http", host: "127.0.0.1", port: 8000)

    /// A connected embedded channel holding just the handler under test.
    private func makeChannel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: HTTP1ClientChannelHandler())
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8000)).wait()
        return channel
    }

    /// Writes a command and returns a box that fills when the handler completes its promise.
    private func send(_ request: PoolRequest, on channel: EmbeddedChannel) throws -> Outcome {
        let promise = channel.embeddedEventLoop.makePromise(of: HTTP1ClientChannelHandler.Started.self)
        let outcome = Outcome()
        promise.futureResult.assumeIsolated().whenComplete { result in
            switch result {
            case .failure(let error): outcome.result = .failure(error)
            case .success(let started): Self.readBody(head: started.head, into: outcome, body: [], on: channel)
            }
        }
        try channel.writeOutbound(HTTP1ClientChannelHandler.Command.send(request, promise))
        return outcome
    }

    /// Reads the body eagerly, one `readBody` command after another, as a consumer that always waits.
    private static func readBody(head: PoolResponseHead, into outcome: Outcome, body: [UInt8], on channel: EmbeddedChannel) {
        let part = channel.embeddedEventLoop.makePromise(of: PoolBodyPart.self)
        part.futureResult.assumeIsolated().whenComplete { result in
            switch result {
            case .failure(let error): outcome.result = .failure(error)
            case .success(.bytes(let bytes)): readBody(head: head, into: outcome, body: body + bytes, on: channel)
            case .success(.end(let keepAlive)):
                outcome.result = .success(
                    PoolResponse(
                        status: head.status, reason: head.reason, httpVersion: head.httpVersion, headers: head.headers,
                        body: body, keepAlive: keepAlive))
            }
        }
        channel.pipeline.write(HTTP1ClientChannelHandler.Command.readBody(part), promise: nil)
        channel.pipeline.flush()
    }

    private func head(_ headers: HTTPHeaders, status: HTTPResponseStatus = .ok) -> HTTPClientResponsePart {
        .head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))
    }

    @Test func writesHeadBodyAndEndWithHostFirstAndContentLength() throws {
        let channel = try makeChannel()
        let request = PoolRequest(
            method: "POST",
            origin: origin,
            target: "/v1/chat/completions",
            headers: [("Accept", "application/json"), ("X-Stainless-Lang", "python")],
            body: Array("{}".utf8)
        )
        _ = try send(request, on: channel)

        guard case .head(let sent) = try channel.readOutbound(as: HTTPClientRequestPart.self) else {
            Issue.record("expected a request head first")
            return
        }
        #expect(sent.method == .POST)
        #expect(sent.uri == "/v1/chat/completions")
        #expect(sent.headers.map(\.name) == ["Host", "Accept", "X-Stainless-Lang", "Content-Length"])
        #expect(sent.headers["Host"] == ["127.0.0.1:8000"])
        #expect(sent.headers["Content-Length"] == ["2"])
        #expect(
            try channel.readOutbound(as: HTTPClientRequestPart.self) == .body(.byteBuffer(ByteBuffer(string: "{}")))
        )
        #expect(try channel.readOutbound(as: HTTPClientRequestPart.self) == .end(nil))
        _ = try? channel.finish()
    }

    @Test func keepAliveResponseReturnsToIdleAndServesASecondRequest() throws {
        let channel = try makeChannel()
        for round in 1...2 {
            let outcome = try send(PoolRequest(method: "GET", origin: origin, target: "/v1/models"), on: channel)
            while try channel.readOutbound(as: HTTPClientRequestPart.self) != nil {}
            try channel.writeInbound(head(["Content-Length": "5"]))
            try channel.writeInbound(HTTPClientResponsePart.body(ByteBuffer(string: "he")))
            try channel.writeInbound(HTTPClientResponsePart.body(ByteBuffer(string: "llo")))
            #expect(outcome.result == nil, "round \(round): no response before the end part")
            try channel.writeInbound(HTTPClientResponsePart.end(nil))
            let response = try #require(try outcome.result?.get())
            #expect(response.status == 200)
            #expect(response.body == Array("hello".utf8))
            #expect(response.keepAlive)
        }
        #expect(channel.isActive)
        _ = try? channel.finish()
    }

    @Test func connectionCloseFromServerEndsReuseAndClosesTheChannel() throws {
        let channel = try makeChannel()
        let outcome = try send(PoolRequest(method: "GET", origin: origin, target: "/"), on: channel)
        try channel.writeInbound(head(["Content-Length": "0", "Connection": "close"]))
        try channel.writeInbound(HTTPClientResponsePart.end(nil))
        let response = try #require(try outcome.result?.get())
        #expect(!response.keepAlive)
        #expect(!channel.isActive)
    }

    @Test func connectionCloseFromClientEndsReuse() throws {
        let channel = try makeChannel()
        let request = PoolRequest(method: "GET", origin: origin, target: "/", headers: [("Connection", "close")])
        let outcome = try send(request, on: channel)
        try channel.writeInbound(head(["Content-Length": "0"]))
        try channel.writeInbound(HTTPClientResponsePart.end(nil))
        #expect(try outcome.result?.get().keepAlive == false)
    }

    @Test func readTimeoutRestartsOnEachReadAndThenFails() throws {
        let channel = try makeChannel()
        var timeouts = RequestTimeouts.httpxDefault
        timeouts.read = .seconds(5)
        let outcome = try send(PoolRequest(method: "GET", origin: origin, target: "/", timeouts: timeouts), on: channel)

        channel.embeddedEventLoop.advanceTime(by: .seconds(4))
        try channel.writeInbound(head(["Content-Length": "10"]))
        channel.embeddedEventLoop.advanceTime(by: .seconds(4))
        #expect(outcome.result == nil, "the head restarted the 5 s timer")
        try channel.writeInbound(HTTPClientResponsePart.body(ByteBuffer(string: "abc")))
        channel.embeddedEventLoop.advanceTime(by: .seconds(4))
        #expect(outcome.result == nil, "the body part restarted the 5 s timer")
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))

        #expect(outcome.error == .readTimeout)
        #expect(!channel.isActive)
    }

    /// The read timer is armed once per connection and moved lazily (``DeadlineTimer``): a later request with a
    /// shorter read timeout must still time out on time, not when the earlier request's timer was due.
    @Test func aShorterReadTimeoutOnTheNextRequestFiresOnTime() throws {
        let channel = try makeChannel()
        var long = RequestTimeouts.httpxDefault
        long.read = .seconds(10)
        let first = try send(PoolRequest(method: "GET", origin: origin, target: "/", timeouts: long), on: channel)
        try channel.writeInbound(head(["Content-Length": "0"]))
        try channel.writeInbound(HTTPClientResponsePart.end(nil))
        #expect(try first.result?.get().keepAlive == true)

        var short = long
        short.read = .seconds(1)
        let second = try send(PoolRequest(method: "GET", origin: origin, target: "/", timeouts: short), on: channel)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(900))
        #expect(second.result == nil)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(200))
        #expect(second.error == .readTimeout)
    }

    @Test func eofBeforeAnyResponseIsServerDisconnected() throws {
        let channel = try makeChannel()
        let outcome = try send(PoolRequest(method: "GET", origin: origin, target: "/"), on: channel)
        channel.pipeline.fireChannelInactive()
        #expect(outcome.error == .remoteProtocolError("Server disconnected without sending a response."))
        _ = try? channel.finish()
    }

    @Test func eofInsideAContentLengthBodyUsesH11Wording() throws {
        let channel = try makeChannel()
        let outcome = try send(PoolRequest(method: "GET", origin: origin, target: "/"), on: channel)
        try channel.writeInbound(head(["Content-Length": "10"]))
        try channel.writeInbound(HTTPClientResponsePart.body(ByteBuffer(string: "abc")))
        channel.pipeline.fireErrorCaught(HTTPParserError.invalidEOFState)
        #expect(
            outcome.error
                == .remoteProtocolError(
                    "peer closed connection without sending complete message body (received 3 bytes, expected 10)"
                )
        )
        #expect(!channel.isActive)
    }

    @Test func bodyDelimitedByCloseCompletesWithoutKeepAlive() throws {
        let channel = try makeChannel()
        let outcome = try send(PoolRequest(method: "GET", origin: origin, target: "/"), on: channel)
        try channel.writeInbound(head(HTTPHeaders()))
        try channel.writeInbound(HTTPClientResponsePart.body(ByteBuffer(string: "bye")))
        try channel.writeInbound(HTTPClientResponsePart.end(nil))
        let response = try #require(try outcome.result?.get())
        #expect(response.body == Array("bye".utf8))
        #expect(!response.keepAlive)
    }

    @Test func secondRequestWhileBusyFailsAndLeavesTheFirstRunning() throws {
        let channel = try makeChannel()
        let first = try send(PoolRequest(method: "GET", origin: origin, target: "/a"), on: channel)
        let second = try send(PoolRequest(method: "GET", origin: origin, target: "/b"), on: channel)
        #expect(second.error?.httpxName == "WriteError")
        try channel.writeInbound(head(["Content-Length": "0"]))
        try channel.writeInbound(HTTPClientResponsePart.end(nil))
        #expect(try first.result?.get().keepAlive == true)
        _ = try? channel.finish()
    }

    @Test func responseBytesWhileIdleCloseTheConnection() throws {
        let channel = try makeChannel()
        try channel.writeInbound(head(["Content-Length": "0"]))
        #expect(!channel.isActive)
    }

    @Test func requestOnAClosedHandlerFailsInsteadOfWriting() throws {
        let channel = try makeChannel()
        channel.pipeline.fireChannelInactive()
        let outcome = try send(PoolRequest(method: "GET", origin: origin, target: "/"), on: channel)
        #expect(outcome.error == .remoteProtocolError())
        #expect(try channel.readOutbound(as: HTTPClientRequestPart.self) == nil)
        _ = try? channel.finish()
    }
}

/// Where a test catches the handler's answer (embedded loop: callbacks run inline, on this thread).
private final class Outcome {
    var result: Result<PoolResponse, any Error>?

    var error: PoolError? {
        guard case .failure(let error) = result else { return nil }
        return error as? PoolError
    }
}

#endif

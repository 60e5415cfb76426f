import NIOCore
import NIOHTTP1

/// Turns the mock's response parts into bytes, in place of NIO's `HTTPResponseEncoder`, with the same
/// framing rules, and hands each response to the socket as one buffer.
///
/// Framing follows `HTTPResponseEncoder` (swift-nio `Sources/NIOHTTP1/HTTPEncoder.swift`, with
/// `automaticallySetFramingHeaders`): a status that may have no body (1xx, 204, 304) and the answer to
/// `CONNECT` lose `content-length` and `transfer-encoding`; otherwise `content-length` wins over
/// `transfer-encoding`, and an HTTP/1.1 response with neither is sent `transfer-encoding: chunked`. The
/// answer to `HEAD` or `CONNECT` keeps its framing headers but no body bytes (RFC 9110 §9.3.2, RFC 9112
/// §6.3). ``MockHTTPHandler`` says which method each response answers (``requestArrived(method:)``), as
/// NIO's request decoder does for its encoder.
///
/// Why not NIO's encoder: it writes the head, each body part and the chunk framing as separate buffers,
/// each one more trip down the pipeline and one more `iovec`. Here the parts of a response accumulate
/// in one buffer, written on `.end` or on a flush (a stream's frames go out as they are flushed). A
/// part written with a promise is not held back: the bytes before it are written first.
///
/// It also counts the bytes it encodes (``bytesOut``): every byte the connection writes passes here, so
/// this is the wire count, known as soon as a part is written rather than when it is flushed.
final class MockResponseEncoder: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = IOData

    /// A body part written for the answer to `HEAD` or `CONNECT`, with a promise: it is not sent.
    struct BodyNotAllowed: Error {}

    /// Bytes encoded so far (written or waiting in ``pending``).
    private(set) var bytesOut = 0
    /// Methods of requests not answered yet, oldest first.
    private var methods = CircularBuffer<HTTPMethod>(initialCapacity: 2)
    private var isChunked = false
    private var suppressBody = false
    /// Encoded bytes not yet handed down the pipeline.
    private var pending: ByteBuffer?

    init() {}

    /// A request with `method` arrived; its response is the next one not yet answered.
    func requestArrived(method: HTTPMethod) {
        methods.append(method)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            var buffer = takePending(context: context, capacity: 1024)
            let start = buffer.writerIndex
            encodeHead(head, into: &buffer)
            hold(buffer, added: buffer.writerIndex - start, promise: promise, context: context)
        case .body(let part):
            guard !suppressBody else {
                promise?.fail(BodyNotAllowed())
                return
            }
            let size = part.readableBytes
            guard size > 0, case .byteBuffer(var bytes) = part else {
                // Nothing to frame (an empty chunk would end a chunked body), or a file region: pass it on.
                emitPending(context: context)
                bytesOut += size
                context.write(wrapOutboundOut(part), promise: promise)
                return
            }
            var buffer = takePending(context: context, capacity: size + 16)
            let start = buffer.writerIndex
            if isChunked {
                buffer.writeString(String(size, radix: 16))
                buffer.writeStaticString("\r\n")
                buffer.writeBuffer(&bytes)
                buffer.writeStaticString("\r\n")
            } else {
                buffer.writeBuffer(&bytes)
            }
            hold(buffer, added: buffer.writerIndex - start, promise: promise, context: context)
        case .end(let trailers):
            let chunked = isChunked
            isChunked = false
            suppressBody = false
            // Without bytes to write, a promise still gets an empty write, so it completes in order (as NIO's).
            guard chunked || pending != nil || promise != nil else { return }
            var buffer = takePending(context: context, capacity: chunked ? 8 : 0)
            let start = buffer.writerIndex
            if chunked {
                buffer.writeStaticString("0\r\n")
                if let trailers { Self.write(trailers, into: &buffer) }
                buffer.writeStaticString("\r\n")
            }
            bytesOut += buffer.writerIndex - start
            context.write(wrapOutboundOut(.byteBuffer(buffer)), promise: promise)
        }
    }

    func flush(context: ChannelHandlerContext) {
        emitPending(context: context)
        context.flush()
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        emitPending(context: context)
        context.close(mode: mode, promise: promise)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        emitPending(context: context)
    }

    // MARK: Encoding

    private func encodeHead(_ head: HTTPResponseHead, into buffer: inout ByteBuffer) {
        let code = head.status.code
        var respondingToConnect = false
        if !((100..<200).contains(code) && code != 101), let method = methods.popFirst() {
            suppressBody = method == .HEAD || method == .CONNECT
            respondingToConnect = method == .CONNECT
        }
        let hasBody = !respondingToConnect && head.status.mayHaveResponseBody
        var hasContentLength = false
        if hasBody {
            for field in head.headers where Self.isContentLength(field.name) {
                hasContentLength = true
                break
            }
        }
        let chunked = hasBody && !hasContentLength && head.version.major == 1 && head.version.minor >= 1
        isChunked = chunked && !suppressBody

        if head.version == .http1_1, head.status == .ok {
            buffer.writeStaticString("HTTP/1.1 200 OK\r\n")
        } else {
            buffer.writeStaticString("HTTP/")
            buffer.writeString(String(head.version.major))
            buffer.writeStaticString(".")
            buffer.writeString(String(head.version.minor))
            buffer.writeStaticString(" ")
            buffer.writeString(String(code))
            buffer.writeStaticString(" ")
            buffer.writeString(head.status.reasonPhrase)
            buffer.writeStaticString("\r\n")
        }
        // Framing headers the rules above drop; `transfer-encoding` is always the encoder's to set.
        Self.write(head.headers, into: &buffer) { name in
            !(Self.isTransferEncoding(name) || (!hasBody && Self.isContentLength(name)))
        }
        if chunked { buffer.writeStaticString("transfer-encoding: chunked\r\n") }
        buffer.writeStaticString("\r\n")
    }

    /// Writes `name: value\r\n` for each field `keep` accepts, in one reservation and one copy per string
    /// (`ByteBuffer.writeString` per piece costs several checks each, four pieces a field).
    private static func write(
        _ headers: HTTPHeaders, into buffer: inout ByteBuffer, keep: (String) -> Bool = { _ in true }
    ) {
        var size = 0
        for field in headers where keep(field.name) { size += field.name.utf8.count + field.value.utf8.count + 4 }
        guard size > 0 else { return }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { target in
            var offset = 0
            func put(_ text: String) {
                let copied = text.utf8.withContiguousStorageIfAvailable { source -> Int in
                    if let base = source.baseAddress, source.count > 0 {
                        (target.baseAddress! + offset).copyMemory(from: base, byteCount: source.count)
                    }
                    return source.count
                }
                if let copied {
                    offset += copied
                    return
                }
                for byte in text.utf8 {  // a string not stored contiguously
                    target[offset] = byte
                    offset += 1
                }
            }
            func put(_ first: UInt8, _ second: UInt8) {
                target[offset] = first
                target[offset + 1] = second
                offset += 2
            }
            for field in headers where keep(field.name) {
                put(field.name)
                put(UInt8(ascii: ":"), UInt8(ascii: " "))
                put(field.value)
                put(UInt8(ascii: "\r"), UInt8(ascii: "\n"))
            }
            return offset
        }
    }

    private static func isContentLength(_ name: String) -> Bool {
        name.utf8.count == 14 && equalsIgnoringCase(name, "content-length")
    }

    private static func isTransferEncoding(_ name: String) -> Bool {
        name.utf8.count == 17 && equalsIgnoringCase(name, "transfer-encoding")
    }

    /// Whether the field name `name` is `lowercase` in any case, without allocating (`lowercased()` would).
    /// Folding with `| 0x20` is exact for letters, digits and `-`, the bytes of these names.
    private static func equalsIgnoringCase(_ name: String, _ lowercase: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        return name.utf8.elementsEqual(expected) { $0 | 0x20 == $1 }
    }

    // MARK: Holding bytes back

    /// The pending buffer to append to (taken out, so appending does not copy), or a new one.
    private func takePending(context: ChannelHandlerContext, capacity: Int) -> ByteBuffer {
        guard var buffer = pending else { return context.channel.allocator.buffer(capacity: capacity) }
        pending = nil
        buffer.reserveCapacity(minimumWritableBytes: capacity)
        return buffer
    }

    /// Keeps `buffer` (the pending bytes plus a new part of `added` bytes) for later, or writes it now when
    /// the part came with a promise.
    private func hold(
        _ buffer: ByteBuffer, added: Int, promise: EventLoopPromise<Void>?, context: ChannelHandlerContext
    ) {
        bytesOut += added
        if let promise {
            context.write(wrapOutboundOut(.byteBuffer(buffer)), promise: promise)
        } else {
            pending = buffer
        }
    }

    private func emitPending(context: ChannelHandlerContext) {
        guard let buffer = pending else { return }
        pending = nil
        context.write(wrapOutboundOut(.byteBuffer(buffer)), promise: nil)
    }
}

@available(*, unavailable)
extension MockResponseEncoder: Sendable {}

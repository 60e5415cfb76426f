import Foundation
import NIOCore
import NIOHTTP1
import TrafficModels

/// Answering a complete request: rate limits, faults, latency, then the bytes (at once, or step by step
/// for streams and slow bodies).
extension MockHTTPHandler {
    /// One write of a response body: wait `delay`, then write `text` (or `bytes`, its ready-made
    /// bytes, when set) as one chunk.
    struct Step {
        var delay: Duration
        var text: String
        var bytes: ByteBuffer? = nil
    }

    /// Decides the response (429, injected status, or the route's), then sends it after the latency.
    ///
    /// Per-request overrides: a header `x-poolplay-<knob>` for the knobs in
    /// ``MockServerConfiguration/perRequestKnobNames`` (`x-poolplay-fault: 503`, `x-poolplay-latency: 50ms`,
    /// `x-poolplay-done-delay: 300ms`, …); a bad one is answered with a 400.
    func requestComplete(context: ChannelHandlerContext, exchange: Exchange) {
        var exchange = exchange
        let global = server.configuration
        guard let requestID = exchange.requestID else {
            let response = OpenAIResponder(configuration: global, state: server)
                .respond(to: exchange.request, match: exchange.match, requestID: 0)
            state = .responding(exchange, nil)
            send(response, fault: nil, latency: .zero, context: context)
            return
        }
        let headers = exchange.request.head.headers
        var configuration = global
        configuration.applyRouteKnobs(exchange.match)
        var headerFault: Fault?
        let headerError = Self.applyRequestKnobs(headers, to: &configuration, fault: &headerFault)
        exchange.configuration = Knobs(configuration)
        let reservation = global.tokensPerMinute == nil
            ? 0 : TokenReservation.estimate(exchange.match, body: exchange.request.body)
        // Admission, fault and latency sample under one lock (no draws after a rejection or a bad header).
        let decision = server.decide(
            requestID: requestID, tokens: reservation, at: context.eventLoop.now, global: global,
            configuration: configuration, override: headerFault,
            route: Self.routeFaultRules(exchange.match, configuration), draw: headerError == nil)
        var admission = decision.admission
        let fault = decision.fault
        var response: MockResponse
        var latency = responsesWritten == 0 ? max(configuration.connectCost, .zero) : .zero
        if let rejection = admission.rejection {
            response = .error(rejection.error)
            response.addRetryAfter(rejection.retryAfter)
        } else if let headerError {
            response = .error(headerError)
        } else {
            if case .status(let code, let shouldRetry) = fault {
                response = .error(.injected(code))
                if code == 429 { response.addRetryAfter(Fault.rateLimitRetryAfter) }
                if let shouldRetry { response.headers.add(name: "x-should-retry", value: String(shouldRetry)) }
            } else {
                response = OpenAIResponder(configuration: configuration, state: server)
                    .respond(to: exchange.request, match: exchange.match, requestID: requestID)
            }
            latency += decision.latency
            if admission.tokens != nil {
                admission.tokens = server.settleTokens(
                    requestID: requestID, used: response.usageTokens ?? 0, at: context.eventLoop.now)
                exchange.tokens = response.usageTokens ?? 0
            }
        }
        // Written after the response's own headers (see send(_:extraHeaders:fault:latency:context:)).
        let rateLimitHeaders = admission.headers(tokens: exchange.request.body.readableBytes / 4)
        guard latency > .zero else {
            state = .responding(exchange, nil)
            send(response, extraHeaders: rateLimitHeaders, fault: fault, latency: latency, context: context)
            return
        }
        let task = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(latency)) {
            self.send(response, extraHeaders: rateLimitHeaders, fault: fault, latency: latency, context: context)
        }
        state = .responding(exchange, task)
    }

    /// The route's own fault rules when the loaded scenario gives its route a `fault` knob.
    static func routeFaultRules(_ match: Route.Match, _ configuration: MockServerConfiguration)
        -> (name: String, rules: [FaultRule])?
    {
        guard !configuration.routeKnobs.isEmpty, case .route(let route) = match, let name = route.scenarioName,
            configuration.routeKnobs[name]?.contains(where: { $0.name == "fault" || $0.name == "faults" }) == true
        else { return nil }
        return (name, configuration.faults)
    }

    /// Applies the request's `x-poolplay-<knob>` headers to `configuration` (`x-poolplay-fault` goes to
    /// `fault`); returns the 400 to send when one is unknown or malformed.
    static func applyRequestKnobs(
        _ headers: HTTPHeaders, to configuration: inout MockServerConfiguration, fault: inout Fault?
    ) -> OpenAIError? {
        let prefix = "x-poolplay-"
        for (name, value) in headers where name.lowercased().hasPrefix(prefix) {
            let knob = name.lowercased().dropFirst(prefix.count).replacingOccurrences(of: "-", with: "_")
            let value = value.trimmingCharacters(in: .whitespaces)
            if knob == "fault" {
                guard let parsed = Fault(value) else {
                    return .invalidKnobHeader(name, "expected a fault such as 503, 500+noretry or close; got '\(value)'")
                }
                fault = parsed
                continue
            }
            guard MockServerConfiguration.perRequestKnobNames.contains(knob) else {
                let known = MockServerConfiguration.perRequestKnobNames.map { prefix + $0.replacingOccurrences(of: "_", with: "-") }
                return .invalidKnobHeader(name, "unknown; a request may set \(known.joined(separator: ", "))")
            }
            do {
                try configuration.apply(knob, value)
            } catch {
                return .invalidKnobHeader(name, "\(error)")
            }
        }
        return nil
    }

    /// Writes the head, then the body steps; `close` and `reset` faults cut the exchange short.
    ///
    /// The head's fields, in order: the response's own, `extraHeaders` (the `x-ratelimit-*` ones), then
    /// `x-request-id`, `openai-processing-ms`, `openai-version`, `content-length` and `connection`.
    func send(
        _ response: MockResponse, extraHeaders: HTTPHeadersList = [], fault: Fault?, latency: Duration,
        context: ChannelHandlerContext
    ) {
        guard case .responding(var exchange, _) = state else { return }
        if fault == .closeWithoutResponse || (fault == .closeReusedConnection && responsesWritten > 0) {
            closeNow(context: context, by: ConnectionRecord.Closer.server, reason: ConnectionRecord.Reason.fault)
            return
        }
        responsesWritten += 1
        exchange.firstByteAt = now(context)
        exchange.bytesOutAtStart = encoder?.bytesOut ?? 0
        exchange.chunked = response.frames != nil && exchange.request.head.version.minor >= 1
        state = .responding(exchange, nil)
        var response = response
        let configuration = exchange.configuration?.value ?? server.configuration
        var steps: [Step]
        var endDelay = Duration.zero
        if var frames = response.frames {
            if !configuration.streamDoneMarker { frames.removeAll { $0 == "data: [DONE]\n\n" } }
            if fault == .malformedChunk { frames.insert("data: {\"choices\": [malformed\n\n", at: min(1, frames.count)) }
            steps = frames.enumerated().map { index, frame in
                Step(delay: index == 0 ? configuration.streamFirstByteDelay : configuration.streamChunkDelay, text: frame)
            }
            endDelay = configuration.doneToEndDelay
            response.frames = frames
        } else {
            if fault == .malformedChunk {
                response.body = "{\"object\": \"chat.completion\", malformed"
                response.bodyBytes = nil
            }
            steps = [Step(delay: .zero, text: response.body, bytes: response.bodyBytes)]
            if fault == .slowBody { steps = Self.split(response.body, parts: 4, pause: Fault.slowPause) }
        }
        if fault == .resetMidBody {
            let text = steps.map(\.text).joined()
            steps = [Step(delay: .zero, text: String(decoding: text.utf8.prefix(text.utf8.count / 2), as: UTF8.self))]
        }

        // One array, built in order and handed to `HTTPHeaders` whole: no per-field checks or copies.
        var headers: HTTPHeadersList = []
        headers.reserveCapacity(response.headers.count + extraHeaders.count + 5)
        for field in response.headers { headers.append((field.name, field.value)) }
        headers.append(contentsOf: extraHeaders)
        if let id = exchange.requestID {
            headers.append(("x-request-id", "req_\(id)"))
            headers.append(("openai-processing-ms", String(latency.milliseconds)))
            headers.append(("openai-version", "2020-10-01"))
        }
        var closeReason = closeReason(after: exchange.request.head, configuration: configuration)
        if response.frames != nil, exchange.request.head.version.minor == 0 {
            // HTTP/1.0 has no chunked encoding: the end of a stream is the close.
            closeReason = closeReason ?? ConnectionRecord.Reason.requestedClose
        }
        writeHead(response, headers: headers, version: exchange.request.head.version, close: closeReason != nil,
            context: context)
        writeSteps(steps[...], endDelay: endDelay, reset: fault == .resetMidBody, status: response.status,
            closeReason: closeReason, context: context)
    }

    /// Splits `text` into `parts` pieces (by bytes), `pause` apart.
    static func split(_ text: String, parts: Int, pause: Duration) -> [Step] {
        let bytes = Array(text.utf8)
        let size = max(1, (bytes.count + parts - 1) / parts)
        return stride(from: 0, to: max(bytes.count, 1), by: size).enumerated().map { index, start in
            Step(delay: index == 0 ? .zero : pause,
                text: String(decoding: bytes[start..<min(start + size, bytes.count)], as: UTF8.self))
        }
    }

    /// Writes the steps in order (scheduling each delayed one on the loop), then finishes the exchange.
    private func writeSteps(
        _ steps: ArraySlice<Step>, endDelay: Duration, reset: Bool, status: HTTPResponseStatus,
        closeReason: String?, context: ChannelHandlerContext
    ) {
        var steps = steps
        while let step = steps.first {
            if step.delay > .zero {
                guard case .responding(let exchange, _) = state else { return }
                var rest = steps
                rest[rest.startIndex].delay = .zero
                let task = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(step.delay)) {
                    self.writeSteps(rest, endDelay: endDelay, reset: reset, status: status,
                        closeReason: closeReason, context: context)
                }
                state = .responding(exchange, task)
                context.flush()
                return
            }
            steps.removeFirst()
            let bytes = step.bytes ?? context.channel.allocator.buffer(string: step.text)
            context.write(wrapOutboundOut(.body(.byteBuffer(bytes))), promise: nil)
        }
        if reset {
            context.flush()
            closeNow(context: context, by: ConnectionRecord.Closer.server, reason: ConnectionRecord.Reason.fault)
            return
        }
        if endDelay > .zero, case .responding(let exchange, _) = state {
            let task = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(endDelay)) {
                self.writeSteps([], endDelay: .zero, reset: false, status: status, closeReason: closeReason,
                    context: context)
            }
            state = .responding(exchange, task)
            context.flush()
            return
        }
        finishExchange(status: status, closeReason: closeReason, context: context)
    }

    /// Records the request finished, then writes `.end` and keeps the connection or closes it.
    private func finishExchange(status: HTTPResponseStatus, closeReason: String?, context: ChannelHandlerContext) {
        guard case .responding(let exchange, _) = state else { return }
        let closer = inputClosed ? ConnectionRecord.Closer.client : ConnectionRecord.Closer.server
        if let id = exchange.requestID {
            let (bytesIn, bytesOut) = (bytes?.bytesIn ?? 0, encoder?.bytesOut ?? 0)
            let endBytes = exchange.chunked ? 5 : 0  // `0\r\n\r\n`, written just after
            let metrics = RequestMetrics(
                bytesIn: bytesIn - bytesInMark, bytesOut: bytesOut + endBytes - exchange.bytesOutAtStart,
                firstByteAt: exchange.firstByteAt, tokens: exchange.tokens, connectionID: connectionID,
                connectionBytesIn: bytesIn, connectionBytesOut: bytesOut + endBytes)
            bytesInMark = bytesIn
            server.finishRequest(id: id, status: Int(status.code), at: now(context), metrics: metrics)
        }
        if let reason = closeReason ?? (inputClosed ? ConnectionRecord.Reason.clientEOF : nil) {
            closeAfterResponse(context: context, by: closer, reason: reason)
        } else {
            // State and idle timer first: writing `.end` can deliver the next pipelined request re-entrantly.
            state = .idle
            scheduleIdleTimer(context: context, timeout: exchange.configuration?.value.idleTimeout)
            headerTimeout?.awaitHead()
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    /// Why the connection must close after this response, or `nil` to keep it alive.
    private func closeReason(after head: HTTPRequestHead, configuration: MockServerConfiguration) -> String? {
        if inputClosed { return ConnectionRecord.Reason.clientEOF }
        if let max = configuration.maxRequestsPerConnection, responsesWritten >= max {
            return ConnectionRecord.Reason.maxRequests
        }
        if !head.isKeepAlive { return ConnectionRecord.Reason.requestedClose }
        if server.isShuttingDown { return ConnectionRecord.Reason.shutdown }
        return nil
    }

    /// Writes the head, adding `content-length` (not for streamed frames, which go chunked) and the
    /// `connection` header. `headers` never holds either: a ``MockResponse`` leaves them to the handler.
    ///
    /// HTTP/1.0 clients get `connection: keep-alive` when the connection stays open, since keep-alive is
    /// not their default (RFC 9112 §9.3); HTTP/1.1 clients get `connection: close` only when it closes.
    private func writeHead(
        _ response: MockResponse, headers: HTTPHeadersList, version: HTTPVersion, close: Bool,
        context: ChannelHandlerContext
    ) {
        var headers = headers
        assert(!headers.contains { ["content-length", "connection"].contains($0.0.lowercased()) })
        if response.frames == nil {
            // Streamed frames get no content-length: NIO's encoder adds `transfer-encoding: chunked` for HTTP/1.1.
            headers.append(("content-length", String(response.bodyBytes?.readableBytes ?? response.body.utf8.count)))
        }
        if close {
            headers.append(("connection", "close"))
        } else if version.major == 1, version.minor == 0 {
            headers.append(("connection", "keep-alive"))
        }
        let responseVersion: HTTPVersion = version.major == 1 && version.minor == 0 ? .http1_0 : .http1_1
        let head = HTTPResponseHead(version: responseVersion, status: response.status, headers: HTTPHeaders(headers))
        context.write(wrapOutboundOut(.head(head)), promise: nil)
    }
}

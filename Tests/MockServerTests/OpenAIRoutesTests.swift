import Foundation
import NIOCore
import NIOEmbedded
import Testing

@testable import MockServer

/// Streaming chat, embeddings, responses and legacy completions, byte-exact where the wire format is fixed.
@Suite struct OpenAIRoutesTests {
    /// Splits a chunked body into its chunk payloads; the last element is the empty terminator chunk.
    static func chunks(of body: Substring) throws -> [String] {
        var rest = body
        var chunks: [String] = []
        for _ in 0..<1000 {
            let line = try #require(rest.range(of: "\r\n"))
            let size = try #require(Int(rest[..<line.lowerBound], radix: 16))
            let start = line.upperBound
            let end = rest.utf8.index(start, offsetBy: size)
            chunks.append(String(rest[start..<end]))
            #expect(rest[end...].hasPrefix("\r\n"))
            rest = rest[rest.utf8.index(end, offsetBy: 2)...]
            if size == 0 { break }
        }
        #expect(rest.isEmpty)
        return chunks
    }

    /// Sends `request`, returns the response head text and the chunk payloads.
    static func streamed(_ request: String, harness: EmbeddedHarness) throws -> (head: String, chunks: [String]) {
        try harness.send(request)
        let text = String(decoding: try harness.drainOutput(), as: UTF8.self)
        let split = try #require(text.range(of: "\r\n\r\n"))
        return (String(text[..<split.lowerBound]).lowercased(), try chunks(of: text[split.upperBound...]))
    }

    @Test func chatStreamIsExactSSEWithUsage() throws {
        let harness = try EmbeddedHarness()
        let body =
            #"{"model":"m","messages":[{"role":"user","content":"ping one two"}],"stream":true,"stream_options":{"include_usage":true}}"#
        let (head, chunks) = try Self.streamed(Requests.chat(body), harness: harness)
        #expect(head.hasPrefix("http/1.1 200 ok"))
        #expect(head.contains("content-type: text/event-stream; charset=utf-8"))
        #expect(head.contains("transfer-encoding: chunked"))
        #expect(head.contains("cache-control: no-cache"))
        #expect(head.contains("x-request-id: req_1"))
        #expect(!head.contains("content-length"))
        let prefix = #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":"#
        let expected = [
            prefix + #"[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"# + "\n\n",
            prefix + #"[{"index":0,"delta":{"content":"ping"},"finish_reason":null}]}"# + "\n\n",
            prefix + #"[{"index":0,"delta":{"content":" one"},"finish_reason":null}]}"# + "\n\n",
            prefix + #"[{"index":0,"delta":{"content":" two"},"finish_reason":null}]}"# + "\n\n",
            prefix + #"[{"index":0,"delta":{},"finish_reason":"stop"}]}"# + "\n\n",
            prefix + #"[],"usage":{"prompt_tokens":3,"completion_tokens":3,"total_tokens":6}}"# + "\n\n",
            "data: [DONE]\n\n",
            "",
        ]
        #expect(chunks == expected)
        #expect(harness.ledger.requests.first?.status == 200)
    }

    @Test func chatStreamWithoutUsageKeepsConnectionAlive() throws {
        let harness = try EmbeddedHarness()
        let body = #"{"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":true}"#
        let (_, chunks) = try Self.streamed(Requests.chat(body), harness: harness)
        #expect(chunks.count == 5)  // role, "Hi", finish, [DONE], terminator
        #expect(!chunks.contains { $0.contains("usage") })
        #expect(chunks[3] == "data: [DONE]\n\n")
        let next = try harness.exchange(Requests.get("/v1/models"))
        #expect(next.status == 200)
        #expect(harness.ledger.connections.count == 1)
    }

    @Test func piecesRejoinToTheText() {
        for text in ["", "Hello", "a b", String(repeating: "word ", count: 30)] {
            let pieces = ChatRequest.pieces(text)
            #expect(pieces.joined() == text)
            #expect(pieces.count <= 8)
        }
    }

    @Test func embeddingsFloatAndBase64AgreeAsLittleEndianFloat32() throws {
        let harness = try EmbeddedHarness()
        let floats = try harness.exchange(
            Requests.post("/v1/embeddings", body: #"{"model":"e","input":["a","b"],"encoding_format":"float"}"#)
        ).json()
        let encoded = try harness.exchange(
            Requests.post("/v1/embeddings", body: #"{"model":"e","input":["a","b"],"encoding_format":"base64"}"#)
        ).json()
        #expect(floats["object"] as? String == "list")
        #expect(floats["model"] as? String == "e")
        let usage = try #require(floats["usage"] as? [String: Any])
        #expect(usage["prompt_tokens"] as? Int == 2)
        #expect(usage["total_tokens"] as? Int == 2)
        let floatData = try #require(floats["data"] as? [[String: Any]])
        let base64Data = try #require(encoded["data"] as? [[String: Any]])
        #expect(floatData.count == 2)
        for (plain, packed) in zip(floatData, base64Data) {
            #expect(plain["object"] as? String == "embedding")
            #expect(plain["index"] as? Int == packed["index"] as? Int)
            let vector = try #require(plain["embedding"] as? [Double])
            let packedText = try #require(packed["embedding"] as? String)
            let bytes = try #require(Data(base64Encoded: packedText))
            #expect(bytes.count == vector.count * 4)
            let decoded = (0..<vector.count).map { index in
                let raw = bytes[(index * 4)..<(index * 4 + 4)].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                return Float(bitPattern: raw)
            }
            // JSON text of a float32 may not round-trip to the same Double, but it does to the same Float.
            #expect(decoded == vector.map { Float($0) })
        }
        #expect(floatData[0]["embedding"] as? [Double] != floatData[1]["embedding"] as? [Double])
    }

    @Test func embeddingsDimensionsAndErrors() throws {
        let harness = try EmbeddedHarness()
        let sized = try harness.exchange(
            Requests.post("/v1/embeddings", body: #"{"model":"e","input":"x","dimensions":3,"encoding_format":"float"}"#)
        ).json()
        let data = try #require(sized["data"] as? [[String: Any]])
        #expect((data[0]["embedding"] as? [Double])?.count == 3)
        #expect(try harness.exchange(Requests.post("/v1/embeddings", body: #"{"model":"e"}"#)).status == 400)
        #expect(try harness.exchange(Requests.get("/v1/embeddings")).status == 405)
    }

    @Test func responsesNonStreamIsStrictShaped() throws {
        let harness = try EmbeddedHarness()
        let json = try harness.exchange(
            Requests.post("/v1/responses", body: #"{"model":"r","input":[{"role":"user","content":"echo me"}]}"#)
        ).json()
        #expect(json["id"] as? String == "resp_1")
        #expect(json["object"] as? String == "response")
        #expect(json["status"] as? String == "completed")
        #expect(json["parallel_tool_calls"] as? Bool == true)
        #expect(json["tool_choice"] as? String == "auto")
        let output = try #require(json["output"] as? [[String: Any]])
        #expect(output.first?["type"] as? String == "message")
        #expect(output.first?["role"] as? String == "assistant")
        let content = try #require(output.first?["content"] as? [[String: Any]])
        #expect(content.first?["text"] as? String == "echo me")
        #expect(content.first?["annotations"] as? [Any] != nil)
    }

    @Test func responsesStreamHasTheWholeLifecycleAndNoDone() throws {
        let harness = try EmbeddedHarness()
        let (head, chunks) = try Self.streamed(
            Requests.post("/v1/responses", body: #"{"model":"r","input":"one two","stream":true}"#), harness: harness)
        #expect(head.contains("content-type: text/event-stream"))
        #expect(chunks.last == "")
        let events = chunks.dropLast()
        #expect(!events.contains { $0.contains("[DONE]") })
        let types = events.map { $0.split(separator: "\n").first.map(String.init) ?? "" }
        #expect(types == [
            "event: response.created", "event: response.in_progress", "event: response.output_item.added",
            "event: response.content_part.added", "event: response.output_text.delta",
            "event: response.output_text.delta", "event: response.output_text.done",
            "event: response.content_part.done", "event: response.output_item.done", "event: response.completed",
        ])
        for (index, event) in events.enumerated() {
            #expect(event.hasSuffix("\n\n"))
            let data = try #require(event.split(separator: "\n").dropFirst().first)
            #expect(data.hasPrefix("data: "))
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(data.dropFirst(6).utf8)) as? [String: Any])
            #expect(json["sequence_number"] as? Int == index)
            #expect(types[index] == "event: " + (json["type"] as? String ?? "?"))
        }
        #expect(events[4].contains(#""delta":"one""#))
        #expect(events[5].contains(#""delta":" two""#))
        #expect(events[9].contains(#""status":"completed""#))
    }

    @Test func legacyCompletionEchoesPrompt() throws {
        let harness = try EmbeddedHarness()
        let json = try harness.exchange(Requests.post("/v1/completions", body: #"{"model":"c","prompt":"Say hi"}"#))
            .json()
        #expect(json["object"] as? String == "text_completion")
        #expect(json["id"] as? String == "cmpl-1")
        let choice = try #require((json["choices"] as? [[String: Any]])?.first)
        #expect(choice["text"] as? String == "Say hi")
        #expect(choice["finish_reason"] as? String == "stop")
        #expect((json["usage"] as? [String: Any])?["total_tokens"] as? Int == 4)
    }
}

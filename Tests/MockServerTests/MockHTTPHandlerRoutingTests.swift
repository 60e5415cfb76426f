import Foundation
import NIOCore
import NIOEmbedded
import Testing

@testable import MockServer

/// Routes, bodies and error shapes, through the real HTTP codec on an `EmbeddedChannel`.
@Suite struct MockHTTPHandlerRoutingTests {
    @Test func listModelsIsStrictValid() throws {
        let harness = try EmbeddedHarness()
        let response = try harness.exchange(Requests.get("/v1/models"))
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json")
        #expect(response.header("x-request-id") == "req_1")
        #expect(response.header("openai-processing-ms") == "0")
        #expect(response.header("content-length") == String(response.body.utf8.count))
        let json = try response.json()
        #expect(json["object"] as? String == "list")
        let data = try #require(json["data"] as? [[String: Any]])
        #expect(data.count == MockServerConfiguration.defaultModels.count)
        for model in data {
            #expect(model["id"] is String)
            #expect(model["object"] as? String == "model")
            #expect(model["created"] is Int)
            #expect(model["owned_by"] as? String == "mock")
        }
    }

    @Test func retrieveModelKnownAndUnknown() throws {
        let harness = try EmbeddedHarness()
        let known = try harness.exchange(Requests.get("/v1/models/mock-gpt"))
        #expect(known.status == 200)
        #expect(try known.json()["id"] as? String == "mock-gpt")

        let unknown = try harness.exchange(Requests.get("/v1/models/nope"))
        #expect(unknown.status == 404)
        let error = try #require(try unknown.json()["error"] as? [String: Any])
        #expect(error["code"] as? String == "model_not_found")
        #expect(error["type"] as? String == "invalid_request_error")
        #expect(error["param"] is NSNull)
        #expect((error["message"] as? String)?.contains("nope") == true)
    }

    @Test func chatCompletionEchoesModelAndLastUserMessage() throws {
        let harness = try EmbeddedHarness()
        let response = try harness.exchange(Requests.chat())
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json")
        let json = try response.json()
        #expect(json["id"] as? String == "chatcmpl-1")
        #expect(json["object"] as? String == "chat.completion")
        #expect(json["created"] is Int)
        #expect(json["model"] as? String == "gpt-4o-mini")
        let choices = try #require(json["choices"] as? [[String: Any]])
        #expect(choices.count == 1)
        #expect(choices[0]["index"] as? Int == 0)
        #expect(choices[0]["finish_reason"] as? String == "stop")
        #expect(choices[0].keys.contains("logprobs"))
        let message = try #require(choices[0]["message"] as? [String: Any])
        #expect(message["role"] as? String == "assistant")
        #expect(message["content"] as? String == "ping 1")
        let usage = try #require(json["usage"] as? [String: Int])
        #expect(usage["prompt_tokens"] == 4)  // "Be brief.ping 1" = 15 characters → ceil(15/4)
        #expect(usage["completion_tokens"] == 2)
        #expect(usage["total_tokens"] == 6)
    }

    @Test func chatWithoutUserMessageSaysHelloAndAcceptsContentParts() throws {
        let harness = try EmbeddedHarness()
        let hello = try harness.exchange(Requests.chat(#"{"model":"m","messages":[]}"#))
        let helloChoices = try #require(try hello.json()["choices"] as? [[String: Any]])
        #expect((helloChoices[0]["message"] as? [String: Any])?["content"] as? String == "Hello")

        let parts = #"{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"from parts"}]}]}"#
        let partsResponse = try harness.exchange(Requests.chat(parts))
        let choices = try #require(try partsResponse.json()["choices"] as? [[String: Any]])
        #expect((choices[0]["message"] as? [String: Any])?["content"] as? String == "from parts")
    }

    @Test(arguments: [
        ("not json", nil as String?),
        ("[1,2]", nil),
        (#"{"messages":[]}"#, "missing_required_parameter"),
        (#"{"model":"m"}"#, "missing_required_parameter"),
        (#"{"model":"m","messages":"hi"}"#, "missing_required_parameter"),
    ])
    func chatBodyErrorsAre400InOpenAIShape(body: String, code: String?) throws {
        let harness = try EmbeddedHarness()
        let response = try harness.exchange(Requests.chat(body))
        #expect(response.status == 400)
        let error = try #require(try response.json()["error"] as? [String: Any])
        #expect(error["type"] as? String == "invalid_request_error")
        #expect(error["message"] is String)
        #expect(error["param"] is NSNull)
        if let code { #expect(error["code"] as? String == code) } else { #expect(error["code"] is NSNull) }
        #expect(response.header("x-request-id") == "req_1")
        #expect(harness.ledger.requests.map(\.status) == [400])
    }

    @Test func unknownRouteIs404AndWrongMethodIs405() throws {
        let harness = try EmbeddedHarness()
        let notFound = try harness.exchange(Requests.get("/v1/embeddingz"))
        #expect(notFound.status == 404)
        let notFoundError = try #require(try notFound.json()["error"] as? [String: Any])
        #expect(notFoundError["message"] as? String == "Invalid URL (GET /v1/embeddingz)")

        let wrongMethod = try harness.exchange(Requests.get("/v1/chat/completions"))
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("allow") == "POST")
        #expect(try wrongMethod.json()["error"] is [String: Any])

        #expect(harness.ledger.requests.map(\.status) == [404, 405])
        #expect(harness.ledger.requests.map(\.path) == ["/v1/embeddingz", "/v1/chat/completions"])
    }

    @Test func apiKeyIsEnforcedWhenSet() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .zero, apiKey: "sk-right-key-123"))
        let missing = try harness.exchange(Requests.get("/v1/models"))
        #expect(missing.status == 401)
        let wrong = try harness.exchange(
            Requests.get("/v1/models", headers: ["Authorization: Bearer sk-wrong-key-456"])
        )
        #expect(wrong.status == 401)
        let error = try #require(try wrong.json()["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_api_key")
        #expect((error["message"] as? String)?.contains("sk-wrong-key-456") == false)
        let right = try harness.exchange(
            Requests.get("/v1/models", headers: ["Authorization: Bearer sk-right-key-123"])
        )
        #expect(right.status == 200)
        // Admin routes need no key.
        #expect(try harness.exchange(Requests.get("/_poolplay/ledger")).status == 200)
    }

    @Test func adminRoutesServeAndResetTheLedgerWithoutRecordingThemselves() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .seconds(10)))
        try harness.send(Requests.get("/v1/models"))
        harness.channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(try harness.responses().count == 1)

        // Admin routes are answered without the 10 s latency.
        let ledgerResponse = try harness.exchange(Requests.get("/_poolplay/ledger"))
        #expect(ledgerResponse.header("x-request-id") == nil)
        let decoded = try JSONDecoder().decode(Ledger.self, from: Data(ledgerResponse.body.utf8))
        #expect(decoded.requests.map(\.path) == ["/v1/models"])
        #expect(decoded.requests.first?.endedAt == 10)
        #expect(try ledgerResponse.json()["acceptedConnections"] as? Int == 1)

        let reset = try harness.exchange(Requests.post("/_poolplay/reset", body: ""))
        #expect(reset.status == 200)
        #expect(harness.ledger.requests.isEmpty)
        #expect(harness.ledger.connections.map(\.requestsServed) == [0])
    }
}

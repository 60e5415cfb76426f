import Foundation
import Testing

/// The real SDK against the mock's streaming, embeddings, responses and completions routes. Each test is
/// enabled only when `Tests/Compat/probe.py` finds its feature answering on a fresh `poolplay serve`, so
/// a feature still being written is reported as skipped ("mock has no … yet"), not as a failure.
@Suite(
    "SDK compat: streams, embeddings, responses, completions",
    .enabled(if: SDKCompatVenv.anyAvailable, "needs .venv/openai3 or .venv/openai2 (bash scripts/setup-python.sh)"),
    .timeLimit(.minutes(3)))
struct SDKCompatFeatureTests {
    @Test(
        "chat streams parse strictly; a sync stream costs a connection, 3.57's async client drains and reuses (§2.3)",
        .enabled("mock streams chat as text/event-stream") { await SDKCompatRuns.features().has("chatStream") },
        arguments: SDKCompatVenv.available)
    func chatStreams(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let sync = run["chat_stream_sync"]
        expectNoError(sync, run)
        #expect(sync["type"].string == "Stream")
        let texts = sync["texts"].strings
        #expect(texts.count == 3 && texts.allSatisfy { !$0.isEmpty }, "\(sync)")
        #expect(sync["usages"].ints.count == 3, "include_usage gives one usage chunk per stream: \(sync)")
        #expect(sync["requests"].int == 3)
        // openai-python#3440: the sync client closes the response before the chunked terminator, so httpcore
        // drops the connection after every stream (both SDK versions).
        #expect(sync["connectionsUsed"].int == 3, "\(sync)")
        // The ledger says who closed them: the client, after each stream (the last close may still be in flight).
        #expect(sync["closedBy"].stringsOrNil.prefix(2) == ["client", "client"], "\(sync)")
        // Without [DONE] (x-poolplay-done-marker: off) the SDK reads to the end of the body: one connection.
        let noDone = run["chat_stream_sync_no_done"]
        expectNoError(noDone, run)
        #expect(noDone["texts"].strings.count == 3 && noDone["texts"].strings.allSatisfy { !$0.isEmpty }, "\(noDone)")
        #expect(noDone["usages"].ints.count == 3, "\(noDone)")
        #expect(noDone["connectionsUsed"].int == 1, "\(noDone)")

        let async = run["chat_stream_async"]
        expectNoError(async, run)
        #expect(async["texts"].strings.count == 3)
        #expect(async["requests"].int == 3)
        // 3.57's AsyncStream drains up to 100 ms for the terminator (`_streaming_cleanup._DRAIN_TIMEOUT`),
        // so with no post-[DONE] hold one connection serves all three (measured: 1); a server starved past
        // 100 ms on a busy machine could cost one more, hence the range. 2.54 has no drain: one per stream.
        let asyncConnections = try #require(async["connectionsUsed"].int, "\(async)")
        switch venv {
        case .openai3: #expect((1...2).contains(asyncConnections), "\(async)")
        case .openai2: #expect(asyncConnections == 3, "\(async)")
        }

        // x-poolplay-done-delay: 300ms holds each body's end past 3.57's 100 ms drain: one connection per
        // stream in both versions (openai-wire §0 point 2, middle column).
        let held = run["chat_stream_async_held"]
        expectNoError(held, run)
        #expect(held["requests"].int == 3)
        #expect(held["connectionsUsed"].int == 3, "\(held)")
    }

    @Test(
        "embeddings: float lists parse strictly; the default base64 decodes (lenient client)",
        .enabled("mock serves POST /v1/embeddings") { await SDKCompatRuns.features().has("embeddings") },
        arguments: SDKCompatVenv.available)
    func embeddings(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let float = run["embeddings_float"]
        expectNoError(float, run)
        #expect(float["type"].string == "CreateEmbeddingResponse")
        #expect(float["model"].string == "text-embedding-3-small")
        #expect(float["count"].int == 2)
        #expect(float["indices"].ints == [0, 1])
        #expect(float["allFloats"].bool == true)
        #expect(float["dimensions"].ints.count == 1 && (float["dimensions"].ints.first ?? 0) > 0, "\(float)")
        let base64 = run["embeddings_base64"]
        expectNoError(base64, run)
        #expect(base64["type"].string == "list")
        #expect(base64["allFloats"].bool == true)
        #expect((base64["dimensions"].int ?? 0) > 0, "\(base64)")
    }

    @Test(
        "responses.create parses strictly and has output_text",
        .enabled("mock serves POST /v1/responses") { await SDKCompatRuns.features().has("responses") },
        arguments: SDKCompatVenv.available)
    func responsesCreate(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let result = run["responses_create"]
        if Self.lacksCacheWriteTokens(result) {
            withKnownIssue(Self.cacheWriteTokensIssue) { expectNoError(result, run) }
            return
        }
        expectNoError(result, run)
        #expect(result["type"].string == "Response")
        #expect(result["object"].string == "response")
        #expect(result["model"].string == "gpt-4.1-mini")
        #expect(result["status"].string == "completed")
        #expect(result["outputText"].string?.isEmpty == false, "\(result)")
        #expect(result["outputTypes"].strings.contains("message"))
    }

    @Test(
        "responses stream=True and the responses.stream() helper see the whole event lifecycle (§2.2)",
        .enabled("mock streams POST /v1/responses") { await SDKCompatRuns.features().has("responsesStream") },
        arguments: SDKCompatVenv.available)
    func responsesStream(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let raw = run["responses_stream_raw"]
        let helper = run["responses_stream_helper"]
        if Self.lacksCacheWriteTokens(raw) || Self.lacksCacheWriteTokens(helper) {
            withKnownIssue(Self.cacheWriteTokensIssue) {
                expectNoError(raw, run)
                expectNoError(helper, run)
            }
            return
        }
        expectNoError(raw, run)
        #expect(raw["first"].string == "response.created")
        #expect(raw["last"].string == "response.completed")
        #expect(raw["distinctTypes"].strings.contains("response.output_text.delta"))
        #expect(raw["text"].string?.isEmpty == false)
        #expect(raw["sequenceIncreasing"].bool == true)
        expectNoError(helper, run)
        #expect(helper["finalStatus"].string == "completed")
        #expect(helper["last"].string == "response.completed")
        #expect(helper["finalText"].string?.isEmpty == false, "\(helper)")
        #expect((helper["events"].int ?? 0) >= 8, "the lifecycle has at least 8 events: \(helper)")
    }

    /// The gap the suite found in the mock's Responses bodies on 2026-11-28: `usage.input_tokens_details`
    /// without `cache_write_tokens`, which the strict models of both SDK versions require. While that is
    /// the failure, it is recorded as a known issue; any other failure fails the test.
    static let cacheWriteTokensIssue: Comment =
        "mock: responses usage.input_tokens_details lacks cache_write_tokens (strict SDK rejects it)"

    static func lacksCacheWriteTokens(_ result: SDKCompatJSON) -> Bool {
        result["error"].string == "APIResponseValidationError"
            && result["missingFields"].strings.contains("cache_write_tokens")
    }

    @Test(
        "legacy completions.create parses strictly",
        .enabled("mock serves POST /v1/completions") { await SDKCompatRuns.features().has("completions") },
        arguments: SDKCompatVenv.available)
    func completions(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let result = run["completions"]
        expectNoError(result, run)
        #expect(result["type"].string == "Completion")
        #expect(result["object"].string == "text_completion")
        #expect(result["model"].string == "gpt-3.5-turbo-instruct")
        #expect(result["text"].string?.isEmpty == false)
    }
}

import Foundation
import Testing

/// The real openai SDK (3.57.0 on httpx2, 2.54.0 on httpx) against `poolplay serve` with strict response
/// validation: the routes the mock serves today. The checks of `Tests/Compat/basic.py`, run (with all
/// the others) once per venv by `Tests/Compat/all.py`, feed every test.
@Suite(
    "SDK compat: models, chat, errors, pooling",
    .enabled(if: SDKCompatVenv.anyAvailable, "needs .venv/openai3 or .venv/openai2 (bash scripts/setup-python.sh)"),
    .timeLimit(.minutes(3)))
struct SDKCompatBasicTests {
    @Test("the venv pins the SDK and HTTP stack the suite is about", arguments: SDKCompatVenv.available)
    func versions(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        switch venv {
        case .openai3:
            #expect(run.sdkVersion == "3.57.0")
            #expect(run.httpModule == "httpx2")
        case .openai2:
            #expect(run.sdkVersion == "2.54.0")
            #expect(run.httpModule == "httpx")
        }
    }

    @Test("models.list and models.retrieve parse strictly", arguments: SDKCompatVenv.available)
    func models(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let list = run["models_list"]
        expectNoError(list, run)
        #expect(list["type"].string == "SyncPage[Model]")
        #expect(list["itemType"].string == "Model")
        #expect(list["ids"].strings.first == "mock-gpt")
        #expect(list["objects"].strings == ["model"])
        let model = run["models_retrieve"]
        expectNoError(model, run)
        #expect(model["type"].string == "Model")
        #expect(model["id"].string == "mock-gpt")
        #expect(model["object"].string == "model")
        #expect(model["ownedBy"].string == "mock")
    }

    @Test("chat.completions.create echoes the model and the last user message, with usage", arguments: SDKCompatVenv.available)
    func chat(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let chat = run["chat"]
        expectNoError(chat, run)
        #expect(chat["type"].string == "ChatCompletion")
        #expect(chat["object"].string == "chat.completion")
        #expect(chat["model"].string == "gpt-4o-mini")
        #expect(chat["role"].string == "assistant")
        #expect(chat["content"].string?.contains("ping from the compat suite") == true)
        #expect(chat["finishReason"].string == "stop")
        let usage = chat["usage"].ints
        #expect(usage.count == 3 && usage[0] > 0 && usage[0] + usage[1] == usage[2], "usage \(usage)")
        #expect(chat["requestIDPrefix"].string == "req_")
    }

    @Test("404, 400 and 405 raise the SDK's class for the status, in one attempt", arguments: SDKCompatVenv.available)
    func errors(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let cases: [(check: String, error: String, status: Int, code: String?)] = [
            ("not_found_model", "NotFoundError", 404, "model_not_found"),
            ("not_found_route", "NotFoundError", 404, nil),
            ("bad_body", "BadRequestError", 400, "missing_required_parameter"),
            ("method_not_allowed", "APIStatusError", 405, "method_not_allowed"),
        ]
        for expected in cases {
            let result = run[expected.check]
            #expect(result["error"].string == expected.error, "\(expected.check): \(result)")
            #expect(result["status_code"].int == expected.status, "\(expected.check): \(result)")
            #expect(result["code"].string == expected.code, "\(expected.check): \(result)")
            #expect(result["attempts"].int == 1, "\(expected.check) is not retried: \(result)")
            #expect(result["statuses"].ints == [expected.status], "\(expected.check): \(result)")
        }
    }

    @Test("sequential non-streamed calls reuse one keep-alive connection", arguments: SDKCompatVenv.available)
    func sequentialReuse(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let result = run["sequential_reuse"]
        expectNoError(result, run)
        #expect(result["requests"].int == 5)
        #expect(result["connectionsUsed"].int == 1)
    }

    @Test("16 concurrent calls through Limits(max_connections=4) use at most 4 connections", arguments: SDKCompatVenv.available)
    func burst(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let result = run["burst"]
        expectNoError(result, run)
        #expect(result["completions"].int == 16)
        #expect(result["modelsEchoed"].int == 16)
        #expect(result["requests"].int == 16)
        let used = try #require(result["connectionsUsed"].int, "\(result)")
        #expect((1...4).contains(used), "\(used) connections served the burst")
    }
}

/// Expects a check to have finished without an exception; shows the script's traceback otherwise.
func expectNoError(_ result: SDKCompatJSON, _ run: SDKCompatRun, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result != .null, "check missing from the output of \(run.venv.rawValue)", sourceLocation: sourceLocation)
    #expect(
        result["error"] == .null, "\(run.venv.rawValue): \(result)\n\(run.diagnostics)", sourceLocation: sourceLocation)
}

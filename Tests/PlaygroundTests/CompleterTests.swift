import Testing

@testable import Playground

/// TAB completion as a pure function: magics, magic arguments, imports, keyword arguments, one level at a time.
@Suite struct CompleterTests {
    static let model: CompletionModel = {
        var model = CompletionModel()
        model.words = [
            "httpx", "httpx.Limits(", "httpx.AsyncClient(", "httpx._config", "client", "client.models",
            "client.models.list(", "client._client", "client._client._transport", "limits", "fetch(",
        ].sorted()
        model.keywords = [
            "httpx.Limits": ["max_connections", "max_keepalive_connections", "keepalive_expiry"],
            "httpx.AsyncClient": ["limits", "timeout", "transport"],
            "fetch": ["url", "retries"],
        ]
        model.magics = [
            ("timeline", .words(["all"])), ("lesson", .facts { $0.lessonKeys }), ("lessons", .none),
            ("server", .settings(keys: ["latency", "idle_timeout"], extra: ["help"]) { $0 == "latency" ? ["200ms"] : [] }),
            ("save", .files),
        ]
        model.statementWords = ["import ", "from ", "await "]
        model.modules = ["httpx": ["AsyncClient", "Limits"], "openai": ["AsyncOpenAI", "DefaultAsyncHttpxClient", "DefaultHttpxClient"]]
        model.facts.lessonKeys = ["1", "limits", "2", "keepalive"]
        return model
    }()

    static func complete(_ line: String) -> [String] {
        Completer.candidates(lineBeforeCursor: line, model: model) { folder in
            folder == "" ? ["notes/", "session.py", "setup.py"] : folder == "notes/" ? ["day1.py"] : []
        }
    }

    @Test func keywordArgumentsOfABoundCallable() {
        #expect(Self.complete("httpx.Limits(max_k") == ["max_keepalive_connections="])
        #expect(Self.complete("x = httpx.Limits(max_connections=5, max_") == ["max_keepalive_connections="])
        #expect(Self.complete("httpx.AsyncClient(limits=httpx.Limits(keep") == ["keepalive_expiry="])
        #expect(Self.complete("httpx.AsyncClient(limits=httpx.Limits(5), t") == ["timeout=", "transport="])
    }

    @Test func keywordArgumentsOfAUserFunctionAndNamesTogether() {
        #expect(Self.complete("fetch(") .prefix(2) == ["url=", "retries="])
        #expect(Self.complete("fetch(li") == ["limits"])
        #expect(Self.complete("print('limits(', li") == ["limits"])
    }

    @Test func magicsAfterPercent() {
        #expect(Self.complete("%timel") == ["timeline"])
        #expect(Self.complete("%less") == ["lesson", "lessons"])
        #expect(Self.complete("%timeline a") == ["all"])
    }

    @Test func lessonNumbersAndIds() {
        #expect(Self.complete("%lesson ") == ["1", "limits", "2", "keepalive"])
        #expect(Self.complete("%lesson k") == ["keepalive"])
        #expect(Self.complete("%lessons ").isEmpty)
    }

    @Test func serverKnobNamesThenValues() {
        #expect(Self.complete("%server lat") == ["latency="])
        #expect(Self.complete("%server latency=") == ["200ms"])
        #expect(Self.complete("%server latency=300ms idle") == ["idle_timeout="])
        #expect(Self.complete("%server h") == ["help"])
    }

    @Test func fileNamesAfterSave() {
        #expect(Self.complete("%save s") == ["session.py", "setup.py"])
        #expect(Self.complete("%save notes/d") == ["day1.py"])
        #expect(Self.complete("%save -f n") == ["notes/"])
    }

    @Test func importNames() {
        #expect(Self.complete("import ht") == ["httpx"])
        #expect(Self.complete("from openai import Def") == ["DefaultAsyncHttpxClient", "DefaultHttpxClient"])
        #expect(Self.complete("from op") == ["openai"])
    }

    @Test func oneLevelAtATimeAndPrivateOnlyWhenAsked() {
        #expect(Self.complete("htt") == ["httpx"])
        #expect(Self.complete("httpx.") == ["httpx.AsyncClient(", "httpx.Limits("])
        #expect(Self.complete("client.") == ["client.models"])
        #expect(Self.complete("client._") == ["client._client"])
        #expect(Self.complete("client._client._") == ["client._client._transport"])
    }

    @Test func statementWordsOnlyAtTheStart() {
        #expect(Self.complete("aw") == ["await "])
        #expect(Self.complete("x = aw").isEmpty)
    }

    @Test func theCalleeOfTheInnermostOpenCall() {
        #expect(Completer.openCallee("a = f(g(1), h.k(") == "h.k")
        #expect(Completer.openCallee("f(x)") == nil)
        #expect(Completer.openCallee("f('(', ") == "f")
        #expect(Completer.openCallee("[1, (") == nil)
        #expect(Completer.givenKeywords(inCallAfter: "f(a=1, b == 2, c=3, ") == ["a", "c"])
    }
}

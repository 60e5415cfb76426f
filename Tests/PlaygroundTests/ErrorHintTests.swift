import PoolScript
import Testing

@testable import Playground

/// Hints come after CPython's own error line, which stays word for word.
@Suite struct ErrorHintTests {
    static func stderr(of source: String) async throws -> String {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe(source + "\n")
        let text = harness.output.stderr
        try await harness.stop()
        return text
    }

    @Test func aMisspeltKeywordGetsTheClosestParameter() async throws {
        let text = try await Self.stderr(of: "import httpx\nhttpx.Limits(max_conections=5)")
        #expect(text.contains("TypeError: Limits.__init__() got an unexpected keyword argument 'max_conections'\n"))
        #expect(text.contains("  hint: did you mean max_connections=?\n"))
    }

    @Test func aMisspeltKeywordOfAUserFunction() async throws {
        let text = try await Self.stderr(of: "def fetch(url, *, retries=3): pass\n\nfetch('x', retrys=2)")
        #expect(text.contains("TypeError: fetch() got an unexpected keyword argument 'retrys'\n"))
        #expect(text.contains("  hint: did you mean retries=?\n"))
    }

    @Test func aForgottenAwait() async throws {
        let text = try await Self.stderr(
            of: """
                import asyncio
                from openai import AsyncOpenAI
                client = AsyncOpenAI()
                results = asyncio.gather(*[client.models.list() for _ in range(2)])
                len(results)
                """)
        #expect(text.contains("TypeError: object of type '_GatheringFuture' has no len()\n"))
        #expect(text.contains("  hint: \(ErrorHints.forgottenAwait)\n"))
    }

    @Test func anAttributeOfACoroutine() async throws {
        let text = try await Self.stderr(
            of: """
                from openai import AsyncOpenAI
                client = AsyncOpenAI()
                client.chat.completions.create(model="gpt-4o-mini", messages=[]).choices
                """)
        #expect(text.contains("AttributeError: 'coroutine' object has no attribute 'choices'\n"))
        #expect(text.contains("  hint: \(ErrorHints.forgottenAwait)\n"))
    }

    /// `AsyncOpenAI().models.list()` is an `AsyncPaginator` in the real SDK, not a coroutine.
    @Test func anAttributeOfAPaginator() async throws {
        let text = try await Self.stderr(
            of: "from openai import AsyncOpenAI\nclient = AsyncOpenAI()\nclient.models.list().data")
        #expect(text.contains("AttributeError: 'AsyncPaginator' object has no attribute 'data'\n"))
        #expect(text.contains("  hint: \(ErrorHints.forgottenPageAwait)\n"))
    }

    @Test func aModuleNotImportedYetAndClear() async throws {
        let text = try await Self.stderr(of: "httpx.Limits()\nclear")
        #expect(text.contains("NameError: name 'httpx' is not defined\n  hint: import it first: import httpx\n"))
        #expect(text.contains("NameError: name 'clear' is not defined\n  hint: %clear (or Ctrl-L) clears the screen\n"))
    }

    @Test func rulesAsAFunction() {
        var knowledge = ErrorHints.Knowledge()
        knowledge.keywords = ["client.chat.completions.create": ["messages", "model", "max_tokens"]]
        knowledge.modules = ["httpx"]
        let typo = PythonError.typeError("AsyncCompletions.create() got an unexpected keyword argument 'max_token'")
        #expect(ErrorHints.hint(for: typo, knowing: knowledge) == "did you mean max_tokens=?")
        let unrelated = PythonError.typeError("f() got an unexpected keyword argument 'zzz'")
        #expect(ErrorHints.hint(for: unrelated, knowing: knowledge) == nil)
        #expect(ErrorHints.hint(for: PythonError(.valueError, "name 'os' is not defined"), knowing: knowledge) == nil)
    }
}

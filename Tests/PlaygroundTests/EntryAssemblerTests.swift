import Testing

@testable import Playground
@testable import PythonModels

@Suite struct EntryAssemblerTests {
    private func entries(_ lines: [String]) -> [String] {
        var assembler = EntryAssembler()
        var result: [String] = []
        for line in lines { result += assembler.feed(line).map(\.text) }
        if let last = assembler.finish() { result.append(last.text) }
        return result
    }

    @Test func openBracketsContinue() {
        var assembler = EntryAssembler()
        #expect(assembler.feed("client = AsyncOpenAI(").isEmpty)
        #expect(assembler.prompt == "... ")
        #expect(assembler.feed("    http_client=http_client,  # 注释 (").isEmpty)
        #expect(assembler.feed(")").map(\.text) == ["client = AsyncOpenAI(\n    http_client=http_client,  # 注释 (\n)"])
        #expect(assembler.prompt == ">>> ")
    }

    @Test func blocksEndAtABlankLine() {
        #expect(entries(["for i in range(2):", "    print(i)", "", "x = 1"]) == ["for i in range(2):\n    print(i)", "x = 1"])
    }

    @Test func pipedBlocksWithoutBlankLinesStillRun() {
        #expect(
            entries(["if x:", "    y = 1", "else:", "    y = 2", "print(y)"])
                == ["if x:\n    y = 1\nelse:\n    y = 2", "print(y)"])
    }

    @Test func pipedTryBlocksKeepTheirHandlers() {
        #expect(
            entries(["try:", "    await flaky.models.list()", "except openai.APIStatusError as e:", "    error = e", "error"])
                == ["try:\n    await flaky.models.list()\nexcept openai.APIStatusError as e:\n    error = e", "error"])
        #expect(
            entries(["try:", "    x = 1", "finally:", "    y = 2", "", "x"]) == ["try:\n    x = 1\nfinally:\n    y = 2", "x"])
    }

    @Test func magicsAndHelpAreEntriesOfTheirOwn() {
        #expect(entries(["%lesson 1", "httpx.Limits?", "  %next"]) == ["%lesson 1", "httpx.Limits?", "%next"])
        #expect(!EntryAssembler.isMagic("x = a ? b"))
    }

    @Test func ctrlCDiscardsTheHalfTypedEntry() {
        var assembler = EntryAssembler()
        _ = assembler.feed("foo(")
        assembler.discard()
        #expect(assembler.prompt == ">>> ")
        #expect(assembler.finish() == nil)
    }
}

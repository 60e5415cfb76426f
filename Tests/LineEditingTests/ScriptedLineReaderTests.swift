import Testing

@testable import LineEditing

@Suite struct ScriptedLineReaderTests {
    @Test func returnsLinesRecordsPromptsThenEOF() {
        let reader = ScriptedLineReader(["async with client:", "    pass", ScriptedLineReader.interruptMarker])
        #expect(reader.readLine(prompt: ">>> ") == .line("async with client:"))
        #expect(reader.readLine(prompt: "... ") == .line("    pass"))
        #expect(reader.readLine(prompt: ">>> ") == .interrupted)
        #expect(reader.readLine(prompt: ">>> ") == .eof)
        #expect(reader.prompts == [">>> ", "... ", ">>> ", ">>> "])
    }

    @Test func recordsHistoryAndPretyping() {
        let reader = ScriptedLineReader([])
        reader.addHistory("a\nb")
        reader.pretype("httpx.Limits(")
        #expect(reader.history == ["a\nb"])
        #expect(reader.pretyped == ["httpx.Limits("])
    }

    @Test func plainReaderIgnoresHistoryAndPretype() {
        let reader: any LineReader = PlainLineReader(fileDescriptor: -1)
        reader.addHistory("x")
        reader.pretype("y")
        #expect(reader.readLine(prompt: "") == .eof)
    }
}

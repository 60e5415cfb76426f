import LineEditing
import PoolScript
import Testing

@testable import Playground

/// Each entry typed at the prompt is parsed once: the parse that tells the prompt the entry is complete is the one
/// the session runs. (Before `ParsedSource`, the session parsed every entry again to run it: two parses for a
/// one-line entry.)
@Suite struct SessionParseCountTests {
    /// Pipes `lines` into a fresh session and returns the module parses it made and what it printed.
    static func pipe(_ lines: [String]) async -> (parses: Int, output: CapturedOutput) {
        let output = CapturedOutput()
        var options = Session.Options()
        options.showPanels = false
        let session = Session(environment: ["HOME": "/nonexistent"], server: nil, options: options, output: output)
        let counter = ParseCounter()
        await ParseCounter.$current.withValue(counter) {
            await session.runREPL(reader: ScriptedLineReader(lines))
        }
        await session.shutdown()
        return (counter.parses, output)
    }

    @Test func aOneLineEntryIsParsedOnce() async {
        let (parses, output) = await Self.pipe(["x = 6", "x * 7", "print(x)"])
        #expect(output.stdout == "42\n6\n")
        #expect(parses == 3)
    }

    @Test func aBlockIsParsedOncePerLineTypedAndNotAgainToRun() async {
        // One parse per line, to tell the prompt whether to say `... `; the last of them runs.
        let (parses, output) = await Self.pipe(["for i in range(2):", "    print(i)", ""])
        #expect(output.stdout == "0\n1\n")
        #expect(parses == 3)
    }

    @Test func anOpenBracketIsParsedOncePerLine() async {
        let (parses, output) = await Self.pipe(["print(", "  1)"])
        #expect(output.stdout == "1\n")
        #expect(parses == 2)
    }

    @Test func aSyntaxErrorIsReportedFromTheParseThatFoundIt() async {
        let (parses, output) = await Self.pipe(["x = )"])
        #expect(output.stderr == "  File \"<stdin>\", line 1\n    x = )\n        ^\nSyntaxError: unmatched ')'\n")
        #expect(parses == 1)
    }

    @Test func anEntryGivenAsTextIsParsedOnce() async {
        let output = CapturedOutput()
        let session = Session(environment: ["HOME": "/nonexistent"], server: nil, options: Session.Options(), output: output)
        let counter = ParseCounter()
        await ParseCounter.$current.withValue(counter) { await session.execute("print('once')") }
        await session.shutdown()
        #expect(output.stdout == "once\n")
        #expect(counter.parses == 1)
    }

    @Test func anErrorsHintIsANoteAfterCPythonsLines() async {
        let (_, output) = await Self.pipe(["def fetch(url, *, retries=3): pass", "", "fetch('x', retrys=2)"])
        #expect(
            output.stderr == """
                Traceback (most recent call last):
                  File "<stdin>", line 1, in <module>
                TypeError: fetch() got an unexpected keyword argument 'retrys'
                  hint: did you mean retries=?

                """)
    }
}

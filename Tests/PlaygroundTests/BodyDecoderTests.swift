@testable import PythonModels
import Testing

/// httpx's incremental text and line decoders (`httpx/_decoders.py`): chunk boundaries never change the text or
/// the lines (expected values from httpx 0.28.1's `TextDecoder` and `LineDecoder`).
@Suite struct BodyDecoderTests {
    /// Every split of `bytes` into two chunks gives the lines of the whole.
    private func linesOfEverySplit(_ bytes: [UInt8]) -> Set<[String]> {
        Set(
            (0...bytes.count).map { cut in
                var text = IncrementalUTF8Decoder()
                var lines = LineDecoder()
                var out = lines.decode(text.decode(Array(bytes[..<cut])))
                out += lines.decode(text.decode(Array(bytes[cut...])))
                return out + lines.decode(text.flush()) + lines.flush()
            })
    }

    @Test func aCharacterSplitAcrossChunksIsJoined() {
        var decoder = IncrementalUTF8Decoder()
        let bytes = Array("é中😀".utf8)
        var text = ""
        for byte in bytes { text += decoder.decode([byte]) }
        #expect(text + decoder.flush() == "é中😀")
    }

    @Test func anUnfinishedCharacterAtTheEndIsReplaced() {
        var decoder = IncrementalUTF8Decoder()
        #expect(decoder.decode([0x61, 0xE4, 0xB8]) == "a")
        #expect(decoder.flush() == "\u{FFFD}")
    }

    @Test func crlfSplitAcrossChunksIsOneLineBreak() {
        #expect(linesOfEverySplit(Array("data: a\r\ndata: b\r\n\r\n".utf8)) == [["data: a", "data: b", ""]])
        #expect(linesOfEverySplit(Array("é\r\n中\n😀".utf8)) == [["é", "中", "😀"]])
    }

    @Test func pythonsLineBoundariesAndTheLastLine() {
        var lines = LineDecoder()
        #expect(lines.decode("a\u{0B}b\u{2028}c\rd") == ["a", "b", "c"])
        #expect(lines.flush() == ["d"])
        var trailing = LineDecoder()
        #expect(trailing.decode("x\r") == [])
        #expect(trailing.flush() == ["x"])
    }
}

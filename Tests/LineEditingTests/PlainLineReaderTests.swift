import Testing

@testable import LineEditing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct PlainLineReaderTests {
    /// Writes `bytes` into a fresh pipe, closes the write end, and returns the read end.
    private func pipeContaining(_ text: String) throws -> Int32 {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
        close(ends[1])
        return ends[0]
    }

    @Test func readsLinesThenEOF() throws {
        let descriptor = try pipeContaining("first\r\nsecond\n\ncafé 日本語\nno newline")
        defer { close(descriptor) }
        let reader = PlainLineReader(fileDescriptor: descriptor)
        #expect(reader.readLine(prompt: ">>> ") == .line("first"))
        #expect(reader.readLine(prompt: ">>> ") == .line("second"))
        #expect(reader.readLine(prompt: ">>> ") == .line(""))
        #expect(reader.readLine(prompt: "... ") == .line("café 日本語"))
        #expect(reader.readLine(prompt: ">>> ") == .line("no newline"))
        #expect(reader.readLine(prompt: ">>> ") == .eof)
        #expect(reader.readLine(prompt: ">>> ") == .eof)
    }

    @Test func emptyInputIsImmediateEOF() throws {
        let descriptor = try pipeContaining("")
        defer { close(descriptor) }
        #expect(PlainLineReader(fileDescriptor: descriptor).readLine(prompt: "") == .eof)
    }

    @Test func longLinesSpanSeveralReads() throws {
        let long = String(repeating: "x", count: 10_000)
        let descriptor = try pipeContaining(long + "\nend\n")
        defer { close(descriptor) }
        let reader = PlainLineReader(fileDescriptor: descriptor)
        #expect(reader.readLine(prompt: "") == .line(long))
        #expect(reader.readLine(prompt: "") == .line("end"))
    }

    @Test func invalidUTF8BecomesReplacementCharacter() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0x0A]
        _ = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        defer { close(ends[0]) }
        #expect(PlainLineReader(fileDescriptor: ends[0]).readLine(prompt: "") == .line("a\u{FFFD}b"))
    }
}

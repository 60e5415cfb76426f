import Testing

@testable import LineEditing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// History handling without a terminal: libedit's `el_init` and `history(3)` work on any stdin;
/// only `el_gets` needs a tty (covered by the tmux end-to-end tests).
@Suite(.serialized) struct LibEditHistoryTests {
    private func temporaryFolder() throws -> String {
        var template = Array("/tmp/le-history-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        try #require(made != nil)
        return String(cString: made!)
    }

    private func contents(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func savesEntriesInNewFoldersWithPrivateModeAndReloadsThem() throws {
        let folder = try temporaryFolder()
        let path = folder + "/state/poolplay/history"
        let statement = "async with httpx.AsyncClient() as c:\n    await c.get(\"/\")"
        do {
            let reader = LibEditLineReader(programName: "poolplay-test", historyFile: path)
            reader.addHistory("limits = httpx.Limits(max_connections=10)")
            reader.addHistory("café 日本語")
            reader.addHistory(statement)
            reader.addHistory("   ")
            reader.close()
        }
        var info = stat()
        try #require(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let text = try #require(contents(path))
        #expect(text.hasPrefix("_HiStOrY_V2_\n"))
        #expect(text.split(separator: "\n").count == 4, "one line per entry: newlines are vis-encoded")

        let again = LibEditLineReader(programName: "poolplay-test", historyFile: path)
        defer { again.close() }
        #expect(again.historyEntries == [statement, "café 日本語", "limits = httpx.Limits(max_connections=10)"])
    }

    @Test func consecutiveDuplicatesCollapse() {
        let reader = LibEditLineReader(programName: "poolplay-test", historyFile: nil)
        defer { reader.close() }
        reader.addHistory("a")
        reader.addHistory("a\n")
        reader.addHistory("b")
        #expect(reader.historyEntries == ["b", "a"])
    }

    @Test func closedReaderReturnsEOF() {
        let reader = LibEditLineReader(programName: "poolplay-test", historyFile: nil)
        reader.close()
        reader.close()
        #expect(reader.readLine(prompt: ">>> ") == .eof)
    }
}

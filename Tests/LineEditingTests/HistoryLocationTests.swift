import Testing

@testable import LineEditing

@Suite struct HistoryLocationTests {
    @Test func prefersXDGStateHome() {
        let path = HistoryLocation.defaultFile(environment: ["XDG_STATE_HOME": "/s/state", "HOME": "/h"])
        #expect(path == "/s/state/poolplay/history")
    }

    @Test func trailingSlashIsNotDoubled() {
        #expect(HistoryLocation.defaultFile(environment: ["XDG_STATE_HOME": "/s/"]) == "/s/poolplay/history")
    }

    @Test func fallsBackToHomeLocalState() {
        #expect(HistoryLocation.defaultFile(environment: ["HOME": "/home/ann"]) == "/home/ann/.local/state/poolplay/history")
    }

    @Test func ignoresEmptyOrRelativeXDGStateHome() {
        #expect(HistoryLocation.defaultFile(environment: ["XDG_STATE_HOME": "", "HOME": "/h"]) == "/h/.local/state/poolplay/history")
        #expect(HistoryLocation.defaultFile(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/poolplay/history")
    }

    @Test func parentFolderOfPaths() {
        #expect(HistoryFileSupport.parentOf("/a/b/history") == "/a/b")
        #expect(HistoryFileSupport.parentOf("/history") == "/")
        #expect(HistoryFileSupport.parentOf("history") == ".")
    }
}

import Testing

@testable import LineEditing

@Suite struct CompletionTests {
    let fields = ["max_connections=", "max_keepalive_connections=", "keepalive_expiry="]

    @Test func currentWordStopsAtBreaksButKeepsDots() {
        #expect(Completion.currentWord(in: "httpx.Limits(max_c") == "max_c")
        #expect(Completion.currentWord(in: "x = httpx.Li") == "httpx.Li")
        #expect(Completion.currentWord(in: "") == "")
        #expect(Completion.currentWord(in: "f(a, ") == "")
    }

    @Test func uniqueCandidateIsInsertedWithoutSpaceAfterEquals() {
        let action = Completion.action(lineBeforeCursor: "httpx.Limits(max_c", candidates: fields, isRepeatedTab: false)
        #expect(action == .insert("onnections="))
    }

    @Test func uniqueWordGetsATrailingSpace() {
        #expect(Completion.action(lineBeforeCursor: "les", candidates: ["lesson"], isRepeatedTab: false) == .insert("son "))
    }

    @Test func ambiguousExtendsToCommonPrefix() {
        #expect(Completion.action(lineBeforeCursor: "f(ma", candidates: fields, isRepeatedTab: false) == .extend("x_"))
    }

    @Test func ambiguousWithoutProgressBeepsThenLists() {
        let first = Completion.action(lineBeforeCursor: "f(max_", candidates: fields, isRepeatedTab: false)
        let second = Completion.action(lineBeforeCursor: "f(max_", candidates: fields, isRepeatedTab: true)
        #expect(first == .beep)
        #expect(second == .list(["max_connections=", "max_keepalive_connections="]))
    }

    @Test func noMatchBeepsAndNonMatchingCandidatesAreIgnored() {
        #expect(Completion.action(lineBeforeCursor: "zz", candidates: fields, isRepeatedTab: true) == .beep)
        #expect(Completion.action(lineBeforeCursor: "k", candidates: fields + fields, isRepeatedTab: false) == .insert("eepalive_expiry="))
    }

    @Test func commonPrefixWorksOnCharacters() {
        #expect(Completion.longestCommonPrefix(["日本語", "日本人"]) == "日本")
        #expect(Completion.longestCommonPrefix([]) == "")
        #expect(Completion.longestCommonPrefix(["abc", "ab", "abd"]) == "ab")
    }

    @Test func columnsFitTheWidth() {
        let text = Completion.columns(["aa", "bb", "cc"], width: 8)
        #expect(text == "aa  bb\ncc")
    }
}

import Testing

@testable import Playground

/// `--lang`, `%lang` and the locale: the lessons and the runner's messages in English or Simplified Chinese.
@Suite struct LessonLanguageTests {
    private static func harness(language: String?) async throws -> PlaygroundHarness {
        var options = Session.Options()
        options.showPanels = false
        options.language = language
        return try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
    }

    @Test func aChineseSessionShowsChineseStepsAndRunnerMessages() async throws {
        let harness = try await Self.harness(language: "zh-Hans")
        await harness.pipe(
            """
            %lesson 1
            %hint
            import httpx
            limits = httpx.Limits(max_connections=10, max_keepalive_connections=5)
            %next
            %goal
            %check
            %lessons
            %help
            %lesson off
            %lesson off
            """)
        try await harness.stop()
        let out = harness.output.stdout
        #expect(out.contains("── 第 1 课 · 第 1/4 步 · 描述连接数限制 ──"))
        #expect(out.contains("（每条语句运行后自动检查 · %goal · %check · %hint · %solution）"))
        #expect(out.contains("提示：`Limits` 只接受关键字参数") || out.contains("提示：Limits 只接受关键字参数"))
        #expect(out.contains("✓ 第 1 步通过 —— 输入 %next 继续"))
        #expect(out.contains("── 第 1 课 · 第 2/4 步 · 把限制设在 HTTP 客户端上 ──"))
        #expect(out.contains("第 1 课 · 第 2/4 步 · 目标："))
        #expect(out.contains("✗ 还没有："))
        #expect(out.contains("▸ 1. 连接数限制要设在 HTTP 客户端上 [1/4]"))
        #expect(out.contains("（进行到第 2/4 步：%lesson 继续）"))
        #expect(out.contains("用 %lesson N 开始一课。"))
        #expect(out.contains("开始或继续第 N 课"), "%help's lesson lines are in Chinese")
        #expect(out.contains("the pool panel"), "the other %help lines stay in English")
        #expect(out.contains("已离开课程；它的 1 个连接池已关闭。") || out.contains("已离开课程。"))
        #expect(out.contains("当前没有进行中的课程。"))
        #expect(harness.output.stderr == "")
    }

    @Test func percentLangSwitchesTheLessonInProgressAndKeepsItsPlace() async throws {
        let harness = try await Self.harness(language: nil)
        await harness.pipe(
            """
            %lang
            %lesson 1
            %lang zh-Hans
            %lang
            %hint
            %lang en
            %lang fr
            """)
        try await harness.stop()
        let out = harness.output.stdout
        #expect(out.contains("Lesson language: English"))
        #expect(out.contains("── Lesson 1 · Step 1/4 · Describe the limits ──"))
        #expect(out.contains("课程已切换为简体中文。"))
        #expect(out.contains("── 第 1 课 · 第 1/4 步 · 描述连接数限制 ──"))
        #expect(out.contains("课程语言：简体中文"))
        #expect(out.contains("提示："))
        #expect(out.contains("Lessons are now in English."))
        #expect(harness.output.stderr.contains("usage: %lang [en|zh-Hans]"))
    }

    @Test func theLessonsListingKeepsItsColumnsWhenWrapped() async throws {
        var options = Session.Options()
        options.showPanels = false
        options.language = "zh-Hans"
        options.terminalWidth = 60
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
        await harness.pipe("%lessons")
        try await harness.stop()
        let lines = harness.output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  2. 高负载下的 keep-alive [0/4] — ") }, "\(lines)")
        for line in lines where !line.hasPrefix("  ") && !line.hasPrefix("用 %lesson") {
            Issue.record("a listing line lost its indent: \(line)")
        }
        #expect(lines.allSatisfy { visibleColumns($0) <= 60 })
    }

    private func visibleColumns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.value != 0x2014 && $1.value != 0x25B8 ? 2 : 1) }
    }

    @Test func theLocaleDecidesUnlessPoolplayLangSaysOtherwise() {
        #expect(LessonController.language(environment: ["LANG": "zh_CN.UTF-8"]) == "zh-Hans")
        #expect(LessonController.language(environment: ["LC_ALL": "zh_SG.UTF-8", "LANG": "en_US.UTF-8"]) == "zh-Hans")
        #expect(LessonController.language(environment: ["LANG": "en_GB.UTF-8"]) == "en")
        #expect(LessonController.language(environment: ["LANG": "zh_TW.UTF-8"]) == "en")
        #expect(LessonController.language(environment: ["POOLPLAY_LANG": "en", "LANG": "zh_CN.UTF-8"]) == "en")
        #expect(LessonController.language(environment: [:]) == "en")
        #expect(PlaygroundApp.lessonLanguage("zh-hans") == "zh-Hans")
        #expect(PlaygroundApp.lessonLanguage("klingon") == nil)
    }

    @Test func englishHelpIsUnchangedAndEveryLessonSummaryHasATranslation() {
        #expect(MagicRegistry.helpText(width: nil, language: "en") == MagicRegistry.helpText)
        let lessonSummaries = (Magic.lessonFamily + [Magic.lang]).flatMap(\.helpEntries).map(\.summary)
        for summary in lessonSummaries {
            #expect(MagicHelpTranslations.zhHans[summary] != nil, "no zh-Hans for \(summary)")
        }
    }
}

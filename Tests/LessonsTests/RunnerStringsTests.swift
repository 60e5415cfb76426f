import Testing

@testable import Lessons

/// The runner's message catalogue: every message in every language, with the same placeholders.
@Suite struct RunnerStringsTests {
    @Test(arguments: RunnerStrings.Key.allCases)
    func everyKeyIsInBothTablesWithTheSamePlaceholders(_ key: RunnerStrings.Key) throws {
        let english = try #require(RunnerStrings.en[key], "\(key) has no English text")
        let chinese = try #require(RunnerStrings.zhHans[key], "\(key) has no zh-Hans text")
        #expect(!english.isEmpty && !chinese.isEmpty)
        #expect(RunnerStrings.placeholders(english) == RunnerStrings.placeholders(chinese), "\(key)")
        #expect(english != chinese || key == .readingFooter, "\(key) is not translated")
    }

    @Test func tablesHoldNoKeysBeyondTheCatalogue() {
        #expect(RunnerStrings.en.count == RunnerStrings.Key.allCases.count)
        #expect(RunnerStrings.zhHans.count == RunnerStrings.Key.allCases.count)
    }

    @Test func placeholdersAreFilledAndUnknownLanguagesAreEnglish() {
        #expect(RunnerStrings.text(.stepHeaderWithLesson, "en", 4, 2, 5) == "Lesson 4 · Step 2/5")
        #expect(RunnerStrings.text(.stepHeaderWithLesson, "zh-Hans", 4, 2, 5) == "第 4 课 · 第 2/5 步")
        #expect(RunnerStrings.text(.stepPassed, "fr", 3) == "✓ step 3 passed — %next to continue")
        #expect(RunnerStrings.placeholders("{0} and {2}, not {x}") == [0, 2])
    }

    @Test func theRunnerSpeaksTheLessonsLanguage() {
        var lesson = Lesson(
            id: "l", number: 1, title: "课", summary: "s", steps: [Step(title: "读", text: "t", line: 1)])
        lesson.language = "zh-Hans"
        var runner = LessonRunner(lesson: lesson)
        _ = runner.start()
        let hint = runner.hint()
        let back = runner.back()
        #expect(hint == [.message("这一步没有提示：读完后输入 %next 继续。")])
        #expect(back == [.message("这已经是第一步。")])
    }

    @Test func translateKeepsThePlaceAndThePasses() {
        let english = Lesson(
            id: "l", number: 1, title: "Lesson", summary: "s",
            steps: [Step(title: "One", text: "t", check: "a", solution: "a = 1", line: 1), Step(title: "Two", text: "t", line: 5)])
        var chinese = english
        chinese.title = "课"
        chinese.language = "zh-Hans"
        var runner = LessonRunner(lesson: english)
        _ = runner.start()
        _ = runner.checkResult(true)
        _ = runner.next()
        let translated = runner.translate(to: chinese)
        #expect(translated)
        #expect(runner.lesson.title == "课" && runner.currentIndex == 1 && runner.passedSteps == [0])
        var other = chinese
        other.id = "m"
        let refused = runner.translate(to: other)
        #expect(!refused)
    }
}

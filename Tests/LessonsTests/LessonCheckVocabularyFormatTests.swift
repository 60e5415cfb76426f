import Testing

@testable import Lessons

/// `wrong:` blocks and `expect:` lines, with their lines; translations (`NN-slug.LANG.md`) replace the lesson they
/// translate in that language, and lint reports where a translation's steps differ.
@Suite struct LessonCheckVocabularyFormatTests {
    static let english = """
        ---
        id: t
        title: T
        summary: S
        ---

        ## One
        check: step.pool.opened == 1
        expect: step.server.connections == 1
        expect: step.pool.reused == 0

        wrong:
        ```python
        x = 1
        ```

        wrong:
        ```python
        y = 2
        ```

        solution:
        ```python
        z = 3
        ```

        """

    @Test func wrongBlocksAndExpectLinesAreParsedWithTheirLines() throws {
        let step = try #require(try LessonLoader.parse(Self.english, file: "01-t.md").steps.first)
        #expect(step.wrongs == ["x = 1", "y = 2"])
        #expect(step.expects == ["step.server.connections == 1", "step.pool.reused == 0"])
        #expect(step.lines == Step.Lines(check: 8, solution: 22, wrongs: [12, 17], expects: [9, 10]))
    }

    @Test func aWrongWithoutACheckIsAnError() {
        let text = "---\nid: t\ntitle: T\nsummary: S\n---\n## One\n\nRead.\n\nwrong:\n```python\nx = 1\n```\n"
        #expect(throws: LessonLoadError.self) { try LessonLoader.parse(text, file: "01-t.md") }
    }

    @Test func aTranslationReplacesTheLessonInItsLanguage() {
        let chinese = Self.english.replacingOccurrences(of: "title: T", with: "title: 中文").replacingOccurrences(
            of: "## One", with: "## 第一步")
        let files = [BundledLessons.File(name: "01-t.md", text: Self.english), BundledLessons.File(name: "01-t.zh-Hans.md", text: chinese)]
        let english = LessonCatalog.load(bundled: files)
        #expect(english.problems == [])
        #expect(english.lessons.map(\.title) == ["T"])
        let translated = LessonCatalog.load(bundled: files, language: "zh-Hans")
        #expect(translated.lessons.map(\.title) == ["中文"])
        #expect(translated.lessons.first?.language == "zh-Hans")
        #expect(translated.lessons.first?.number == 1)
        #expect(LessonLint.differences(english.lessons[0], translated.lessons[0]) == [])
    }

    @Test func translationsWhoseStepsDifferAreReported() throws {
        let original = try LessonLoader.parse(Self.english, file: "01-t.md")
        let other = try LessonLoader.parse(
            Self.english.replacingOccurrences(of: "z = 3", with: "z = 4"), file: "01-t.zh-Hans.md")
        let problems = LessonLint.differences(original, other)
        #expect(problems.map(\.description) == ["01-t.zh-Hans.md:22: a different solution than step 1 of 01-t.md"])
    }
}

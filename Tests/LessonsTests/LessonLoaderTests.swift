import Foundation
import Testing

@testable import Lessons

@Suite struct LessonLoaderTests {
    static let fixtures: String = Bundle.module.path(forResource: "Fixtures", ofType: nil) ?? "Fixtures"

    /// Wraps a body in valid front matter (6 lines, so the body starts on line 7).
    static func lesson(_ body: String) -> String {
        "---\nid: t\ntitle: T\nsummary: S\norder: 3\n---\n" + body
    }

    static func error(parsing text: String) -> LessonLoadError? {
        do {
            _ = try LessonLoader.parse(text, file: "Lessons/09-test.md")
            return nil
        } catch let error as LessonLoadError {
            return error
        } catch {
            return nil
        }
    }

    @Test func parsesStepsDirectivesAndText() throws {
        let text = Self.lesson(
            """
            ## First step

            Paragraph one,
            still one.


            Paragraph two.

            ```python
            import httpx
            x = 1
            ```

            check: x == 1
            hint: first hint
            hint: second hint

            solution:

            ```py
            x = 1
            ```
            ## Second

            ### A sub-heading stays text
            ```text
            >>> x
            ```
            """
        )
        let lesson = try LessonLoader.parse(text, file: "Lessons/09-test.md")
        #expect(lesson.id == "t")
        #expect(lesson.number == 3)
        #expect(lesson.sourcePath == "Lessons/09-test.md")
        #expect(
            lesson.steps == [
                Step(
                    title: "First step",
                    text: "Paragraph one,\nstill one.\n\nParagraph two.",
                    tryCode: ["import httpx\nx = 1"],
                    check: "x == 1",
                    hints: ["first hint", "second hint"],
                    solution: "x = 1",
                    line: 7,
                    lines: Step.Lines(check: 20, solution: 24)
                ),
                Step(
                    title: "Second",
                    text: "### A sub-heading stays text\n```text\n>>> x\n```",
                    line: 29
                ),
            ]
        )
    }

    @Test func numberComesFromFileNameWithoutOrder() throws {
        let text = "---\nid: t\ntitle: T\nsummary: S\n---\n## A\ntext\n"
        #expect(try LessonLoader.parse(text, file: "x/07-seven.md").number == 7)
        #expect(Self.error(parsing: text) == nil)  // "09-test.md" has a number prefix
        let noNumber = try? LessonLoader.parse(text, file: "x/intro.md")
        #expect(noNumber == nil)
    }

    @Test(arguments: [
        ("## A\n\nsolution:\n```python\nx = 1\n```\n", 9, "step 'A' has a solution but no check"),
        (
            "## A\n\ncheck: x == 1\n", 9,
            "step 'A' has a check but no solution (the test suite replays every solution against its check)"
        ),
        ("## A\ncheck: a\ncheck: b\n", 9, "step 'A' has a second check (the first is on line 8)"),
        ("## A\n```python\nx = 1\n", 8, "the code block opened here is never closed by a '```' line"),
        ("## A\nsolution:\nx = 1\n", 8, "'solution:' must be followed by a ```python block"),
        ("## A\nsolution: x = 1\n", 8, "put the solution in a ```python block on the lines after 'solution:'"),
        ("## A\nHint: capitalised\n", 8, "write 'hint:' in lower case with no space before the colon"),
        ("## A\ncheck:\n", 8, "'check:' needs a Python expression after it"),
        (
            "Intro text\n## A\ntext\n", 7,
            "text before the first '## Step' heading; put the introduction in 'summary:' or a first step"
        ),
        ("# Title\n", 7, "'# ' headings are not used: the lesson title comes from 'title:' and steps start with '## '"),
        ("## A\n\n## B\ntext\n", 7, "step 'A' is empty"),
        ("##\n", 7, "a step heading needs a title: '## Title'"),
        ("\n\n", 7, "the lesson has no steps; start each step with a '## Step title' line"),
    ])
    func bodyErrorsCarryFileAndLine(body: String, line: Int, message: String) {
        let error = Self.error(parsing: Self.lesson(body))
        #expect(error == LessonLoadError(file: "Lessons/09-test.md", line: line, message: message))
    }

    @Test(
        arguments: [
            (
                "id: t\ntitle: T\nsummary: S\n---\n## A\nx\n", 1,
                "a lesson file starts with a '---' line opening the YAML front matter"
            ),
            ("---\nid: t\n## A\nx\n", 1, "the front matter opened here is never closed by a '---' line"),
            ("---\nid: t\ntitle: T\n---\n## A\nx\n", 1, "the front matter has no 'summary:'"),
            (
                "---\nid: T!\ntitle: T\nsummary: S\n---\n## A\nx\n", 2,
                "'id' must be lower-case letters, digits, '-' or '_' (got 'T!')"
            ),
            ("---\nid: t\ntitle: [unclosed\nsummary: S\n---\n## A\nx\n", 4, nil),
        ] as [(String, Int, String?)]
    )
    func frontMatterErrorsCarryLine(text: String, line: Int, message: String?) {
        let error = Self.error(parsing: text)
        #expect(error?.file == "Lessons/09-test.md")
        #expect(error?.line == line)
        if let message {
            #expect(error?.message == message)
        } else {
            #expect(error?.message.hasPrefix("invalid YAML in front matter") == true)
        }
    }

    @Test(arguments: [
        ("solution-without-check.md", 14, "step 'Build the client' has a solution but no check"),
        ("unclosed-fence.md", 10, "the code block opened here is never closed by a '```' line"),
        ("unknown-key.md", 4, "unknown front matter key 'sumary'; expected id, title, summary, order or server"),
    ])
    func brokenFixturesReportFileAndLine(name: String, line: Int, message: String) throws {
        let path = Self.fixtures + "/broken/" + name
        let error = #expect(throws: LessonLoadError.self) { try LessonLoader.load(file: path) }
        #expect(error?.description == "\(path):\(line): \(message)")
    }

    @Test func typeMismatchInFrontMatterPointsAtTheKey() throws {
        let path = Self.fixtures + "/broken/bad-order.md"
        let error = #expect(throws: LessonLoadError.self) { try LessonLoader.load(file: path) }
        #expect(error?.line == 5)
        #expect(error?.message.hasPrefix("front matter 'order':") == true)
    }

    @Test func loadAllSortsByOrderAndSkipsNonLessonFiles() throws {
        let lessons = try LessonLoader.loadAll(directory: Self.fixtures + "/valid")
        #expect(lessons.map(\.id) == ["first", "reading"])
        #expect(lessons.map(\.number) == [0, 2])
        #expect(lessons[1].steps[1].text == "Sample output, kept verbatim:\n\n```text\n>>> x\n1\n```")
    }

    @Test func missingFileAndDirectoryHaveNoLine() {
        #expect(
            throws: LessonLoadError(
                file: "/nonexistent/01-x.md",
                line: nil,
                message: "cannot read the file as UTF-8 text"
            )
        ) {
            try LessonLoader.load(file: "/nonexistent/01-x.md")
        }
        let error = LessonLoadError(file: "/nonexistent", line: nil, message: "cannot list the lessons directory")
        #expect(throws: error) { try LessonLoader.loadAll(directory: "/nonexistent") }
        #expect(error.description == "/nonexistent: cannot list the lessons directory")
    }

    @Test func duplicateIDsAreRejected() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lessons-dup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = "---\nid: same\ntitle: T\nsummary: S\n---\n## A\ntext\n"
        try text.write(toFile: directory + "/01-a.md", atomically: true, encoding: .utf8)
        try text.write(toFile: directory + "/02-b.md", atomically: true, encoding: .utf8)
        let error = #expect(throws: LessonLoadError.self) { try LessonLoader.loadAll(directory: directory) }
        #expect(
            error?.description == "\(directory)/02-b.md:2: lesson id 'same' is already used by \(directory)/01-a.md"
        )
    }
}

import Foundation

/// Reads lesson files (YAML front matter plus a small, line-oriented Markdown subset) into ``Lesson``s.
///
/// The format is documented in `Lessons/README.md`. Every problem is reported as a
/// ``LessonLoadError`` carrying `file:line`, so that an author can fix a lesson without reading Swift.
///
/// Why hand-parse the body: nothing in the allowed dependencies renders Markdown to a terminal, and
/// lessons only need headings, paragraphs, fenced blocks and three directive lines (`check:`, `hint:`,
/// `solution:`). A line-oriented parser gives exact line numbers for free.
public enum LessonLoader {
    /// Loads one lesson file.
    ///
    /// - Parameter file: The path of the file; it appears verbatim in ``Lesson/sourcePath`` and errors.
    /// - Returns: The lesson.
    /// - Throws: ``LessonLoadError`` when the file cannot be read or breaks a format rule.
    public static func load(file: String) throws -> Lesson {
        let contents: String
        do {
            contents = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw LessonLoadError(file: file, line: nil, message: "cannot read the file as UTF-8 text")
        }
        return try parse(contents, file: file)
    }

    /// Parses the text of a lesson file.
    ///
    /// - Parameters:
    ///   - contents: The whole file.
    ///   - file: The name to use in ``Lesson/sourcePath`` and in errors; also the source of the
    ///     `NN-` number prefix when the front matter has no `order:`.
    /// - Returns: The lesson.
    /// - Throws: ``LessonLoadError``.
    public static func parse(_ contents: String, file: String) throws -> Lesson {
        let lines = contents.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        let frontMatter = try FrontMatter.parse(lines: lines, file: file)
        var body = LessonBodyParser(file: file)
        let steps = try body.parse(lines: lines, from: frontMatter.bodyStartIndex)
        guard !steps.isEmpty else {
            throw LessonLoadError(
                file: file,
                line: frontMatter.bodyStartIndex + 1,
                message: "the lesson has no steps; start each step with a '## Step title' line"
            )
        }
        guard let number = frontMatter.order ?? numberPrefix(of: file) else {
            throw LessonLoadError(
                file: file,
                line: 1,
                message: "no 'order:' in the front matter and the file name has no number prefix (NN-name.md)"
            )
        }
        return Lesson(
            id: frontMatter.id,
            number: number,
            title: frontMatter.title,
            summary: frontMatter.summary,
            steps: steps,
            sourcePath: file,
            server: frontMatter.server
        )
    }

    /// Loads every lesson in a directory, sorted by ``Lesson/number`` and then ``Lesson/id``.
    ///
    /// A lesson file is any `*.md` file whose name starts with a digit (`01-limits.md`); other files,
    /// such as `README.md`, are ignored. Two lessons with the same `id` are an error.
    ///
    /// - Parameter directory: The directory to scan (not recursive).
    /// - Returns: The lessons in teaching order.
    /// - Throws: The first ``LessonLoadError``, in file-name order.
    public static func loadAll(directory: String) throws -> [Lesson] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw LessonLoadError(file: directory, line: nil, message: "cannot list the lessons directory")
        }
        let separator = directory.hasSuffix("/") ? "" : "/"
        var lessons: [Lesson] = []
        var seen: [String: String] = [:]
        for name in names.sorted() where isLessonFileName(name) && translationLanguage(ofFileName: name) == nil {
            let path = directory + separator + name
            let lesson = try load(file: path)
            if let other = seen[lesson.id] {
                throw LessonLoadError(
                    file: path,
                    line: 2,
                    message: "lesson id '\(lesson.id)' is already used by \(other)"
                )
            }
            seen[lesson.id] = path
            lessons.append(lesson)
        }
        return lessons.sorted { ($0.number, $0.id) < ($1.number, $1.id) }
    }

    /// Whether `name` is a lesson file or a translation of one: ends in `.md` and starts with a digit.
    public static func isLessonFileName(_ name: String) -> Bool {
        name.hasSuffix(".md") && (name.first?.isASCII ?? false) && (name.first?.isNumber ?? false)
    }

    /// The leading decimal number of the file's base name (`01-limits.md` → 1), if any.
    static func numberPrefix(of path: String) -> Int? {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let digits = base.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }
}

import Foundation

/// The lessons a session offers: the bundled curriculum, overlaid by an author's folder, with every file that
/// failed to load reported and skipped.
///
/// A lesson file with a mistake never hides the others: ``problems`` holds one ``LessonLoadError`` (`file:line`)
/// per file that was skipped, and ``lessons`` holds everything that loaded.
public struct LessonCatalog: Sendable, Equatable {
    /// The lessons, sorted by ``Lesson/number`` and then ``Lesson/id``.
    public var lessons: [Lesson]
    /// One error per skipped file (or an unreadable folder), in the order met.
    public var problems: [LessonLoadError]

    /// Creates a catalog from its parts.
    ///
    /// - Parameters:
    ///   - lessons: The lessons.
    ///   - problems: The problems.
    public init(lessons: [Lesson] = [], problems: [LessonLoadError] = []) {
        self.lessons = lessons
        self.problems = problems
    }

    /// Loads the bundled lessons, then the lesson files of `overlay` (if given), which add lessons or replace
    /// bundled ones with the same ``Lesson/id``.
    ///
    /// - Parameters:
    ///   - bundled: The compiled-in files (``BundledLessons/files`` by default).
    ///   - overlay: A folder of lesson files (`--lessons DIR`, `POOLPLAY_LESSONS`), or `nil`.
    /// - Returns: The catalog; never throws.
    ///   - language: `en`, or a language whose translations (`NN-slug.LANG.md`) replace the lessons they translate;
    ///     a lesson without a translation stays in English.
    public static func load(
        bundled: [BundledLessons.File] = BundledLessons.files, overlay: String? = nil, language: String = "en"
    ) -> LessonCatalog {
        var catalog = LessonCatalog()
        var byID: [String: Lesson] = [:]
        var order: [String] = []
        func add(_ lessons: [Lesson]) {
            var seenHere: [String: String] = [:]
            for lesson in lessons {
                if let other = seenHere[lesson.id] {
                    catalog.problems.append(
                        LessonLoadError(
                            file: lesson.sourcePath, line: 2, message: "lesson id '\(lesson.id)' is already used by \(other)"))
                    continue
                }
                seenHere[lesson.id] = lesson.sourcePath
                if byID[lesson.id] == nil { order.append(lesson.id) }
                byID[lesson.id] = lesson
            }
        }
        var fromBundle: [Lesson] = []
        let bundledByName = Dictionary(bundled.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for file in bundled.sorted(by: { $0.name < $1.name })
        where LessonLoader.isLessonFileName(file.name) && LessonLoader.translationLanguage(ofFileName: file.name) == nil {
            do {
                var lesson = try LessonLoader.parse(file.text, file: BundledLessons.displayPath(of: file))
                if language != "en", let translated = bundledByName[LessonLoader.translationFileName(of: file.name, language: language)] {
                    lesson = try LessonLoader.translation(
                        of: lesson, text: translated.text, file: BundledLessons.displayPath(of: translated), language: language)
                }
                fromBundle.append(lesson)
            } catch let error as LessonLoadError {
                catalog.problems.append(error)
            } catch {
                catalog.problems.append(LessonLoadError(file: file.name, line: nil, message: "\(error)"))
            }
        }
        add(fromBundle)
        if let overlay {
            let (lessons, problems) = LessonLoader.loadEach(directory: overlay, language: language)
            catalog.problems += problems
            add(lessons)
        }
        catalog.lessons = order.compactMap { byID[$0] }.sorted { ($0.number, $0.id) < ($1.number, $1.id) }
        return catalog
    }
}

extension LessonLoader {
    /// Loads every lesson file of a folder, skipping (and returning) the ones that fail.
    ///
    /// - Parameter directory: The folder (not recursive).
    /// - Returns: The lessons that loaded, in file-name order, and one error per file that did not.
    ///   - language: `en`, or the language whose translation files replace the lessons they translate.
    public static func loadEach(directory: String, language: String = "en") -> (lessons: [Lesson], problems: [LessonLoadError]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            return ([], [LessonLoadError(file: directory, line: nil, message: "cannot list the lessons directory")])
        }
        let separator = directory.hasSuffix("/") ? "" : "/"
        var lessons: [Lesson] = []
        var problems: [LessonLoadError] = []
        for name in names.sorted() where isLessonFileName(name) && translationLanguage(ofFileName: name) == nil {
            do {
                var lesson = try load(file: directory + separator + name)
                let translated = translationFileName(of: name, language: language)
                if language != "en", names.contains(translated) {
                    let path = directory + separator + translated
                    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                        throw LessonLoadError(file: path, line: nil, message: "cannot read the file as UTF-8 text")
                    }
                    lesson = try translation(of: lesson, text: text, file: path, language: language)
                }
                lessons.append(lesson)
            } catch let error as LessonLoadError {
                problems.append(error)
            } catch {
                problems.append(LessonLoadError(file: directory + separator + name, line: nil, message: "\(error)"))
            }
        }
        return (lessons, problems)
    }
}

extension LessonLoader {
    /// The language of a translation file's name: `01-limits.zh-Hans.md` → `zh-Hans`; `nil` for `01-limits.md`.
    ///
    /// - Parameter name: A file name.
    /// - Returns: The language tag between the last two dots, if any.
    public static func translationLanguage(ofFileName name: String) -> String? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let tag = stem[stem.index(after: dot)...]
        return tag.isEmpty ? nil : String(tag)
    }

    /// The name of a lesson file's translation: `01-limits.md`, `zh-Hans` → `01-limits.zh-Hans.md`.
    public static func translationFileName(of name: String, language: String) -> String {
        String(name.dropLast(3)) + "." + language + ".md"
    }

    /// Parses a translation of `original`: it must have the same id; it keeps the original's number.
    ///
    /// - Throws: ``LessonLoadError`` when it does not parse or translates another lesson.
    public static func translation(of original: Lesson, text: String, file: String, language: String) throws -> Lesson {
        var lesson = try parse(text, file: file)
        guard lesson.id == original.id else {
            throw LessonLoadError(
                file: file, line: 2, message: "a translation must keep the lesson's id '\(original.id)', not '\(lesson.id)'")
        }
        lesson.number = original.number
        lesson.language = language
        return lesson
    }
}

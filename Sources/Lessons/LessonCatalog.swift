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
    public static func load(bundled: [BundledLessons.File] = BundledLessons.files, overlay: String? = nil)
        -> LessonCatalog
    {
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
        for file in bundled.sorted(by: { $0.name < $1.name }) where LessonLoader.isLessonFileName(file.name) {
            do {
                fromBundle.append(try LessonLoader.parse(file.text, file: BundledLessons.displayPath(of: file)))
            } catch let error as LessonLoadError {
                catalog.problems.append(error)
            } catch {
                catalog.problems.append(LessonLoadError(file: file.name, line: nil, message: "\(error)"))
            }
        }
        add(fromBundle)
        if let overlay {
            let (lessons, problems) = LessonLoader.loadEach(directory: overlay)
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
    public static func loadEach(directory: String) -> (lessons: [Lesson], problems: [LessonLoadError]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            return ([], [LessonLoadError(file: directory, line: nil, message: "cannot list the lessons directory")])
        }
        let separator = directory.hasSuffix("/") ? "" : "/"
        var lessons: [Lesson] = []
        var problems: [LessonLoadError] = []
        for name in names.sorted() where isLessonFileName(name) {
            do {
                lessons.append(try load(file: directory + separator + name))
            } catch let error as LessonLoadError {
                problems.append(error)
            } catch {
                problems.append(LessonLoadError(file: directory + separator + name, line: nil, message: "\(error)"))
            }
        }
        return (lessons, problems)
    }
}

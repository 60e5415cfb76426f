import Foundation
import Testing

@testable import Lessons

/// The curriculum compiled into the binary matches `Lessons/`, and the catalog loads it, overlays an author's folder
/// by id, and skips (reporting `file:line`) a file that fails without hiding the others.
@Suite struct BundledLessonsTests {
    @Test func generatedFileMatchesTheLessonsFolder() throws {
        let folder = RepositoryLessonsTests.lessonsDirectory
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter(LessonLoader.isLessonFileName).sorted()
        let bundled = BundledLessons.files.map(\.name)
        #expect(bundled == names, "run scripts/gen-bundled-lessons.sh")
        for file in BundledLessons.files {
            let text = try String(contentsOfFile: folder + "/" + file.name, encoding: .utf8)
            #expect(file.text == text, "\(file.name) differs from Sources/Lessons/BundledLessons+Files.swift: run scripts/gen-bundled-lessons.sh")
        }
    }

    @Test func theCatalogLoadsEveryBundledLessonWithNoProblems() {
        let catalog = LessonCatalog.load()
        #expect(catalog.problems == [])
        #expect(catalog.lessons.map(\.id).prefix(5) == ["limits", "keepalive", "pool-timeout", "sdk-defaults", "retries"])
        #expect(catalog.lessons.first?.sourcePath == "Lessons/01-limits.md")
    }

    static let good = BundledLessons.File(
        name: "01-a.md", text: "---\nid: a\ntitle: A\nsummary: S\n---\n## One\n\nRead this.\n")
    static let broken = BundledLessons.File(
        name: "02-b.md", text: "---\nid: b\ntitle: B\nsummary: S\n---\n## One\n\ncheck: x\n")
    static let other = BundledLessons.File(
        name: "03-c.md", text: "---\nid: c\ntitle: C\nsummary: S\n---\n## One\n\nRead this too.\n")

    @Test func aBrokenFileIsReportedWithItsLineAndTheOthersStillLoad() {
        let catalog = LessonCatalog.load(bundled: [Self.good, Self.broken, Self.other])
        #expect(catalog.lessons.map(\.id) == ["a", "c"])
        #expect(catalog.problems.count == 1)
        #expect(catalog.problems.first?.description.hasPrefix("Lessons/02-b.md:8: ") == true)
    }

    @Test func anOverlayFolderAddsLessonsAndReplacesThemById() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-overlay-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "---\nid: a\ntitle: A, edited\nsummary: S\n---\n## One\n\nNew text.\n"
            .write(toFile: folder + "/01-a.md", atomically: true, encoding: .utf8)
        try "---\nid: d\ntitle: D\nsummary: S\n---\n## One\n\nMore.\n"
            .write(toFile: folder + "/09-d.md", atomically: true, encoding: .utf8)
        try "---\nid: e\ntitle: E\nsummary: S\nsumary: typo\n---\n## One\n\nMore.\n"
            .write(toFile: folder + "/10-e.md", atomically: true, encoding: .utf8)
        let catalog = LessonCatalog.load(bundled: [Self.good, Self.other], overlay: folder)
        #expect(catalog.lessons.map(\.id) == ["a", "c", "d"])
        #expect(catalog.lessons.first?.title == "A, edited")
        #expect(catalog.problems.map(\.description) == ["\(folder)/10-e.md:5: unknown front matter key 'sumary'; expected id, title, summary, order or server"])
    }

    @Test func aMissingOverlayFolderIsAProblemButTheBundleStillLoads() {
        let catalog = LessonCatalog.load(bundled: [Self.good], overlay: "/nonexistent/lessons")
        #expect(catalog.lessons.map(\.id) == ["a"])
        #expect(catalog.problems.map(\.description) == ["/nonexistent/lessons: cannot list the lessons directory"])
    }
}

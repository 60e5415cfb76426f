import Foundation
import Testing

@testable import Lessons

@Suite struct ProgressStoreTests {
    /// A fresh, empty temporary directory per test.
    let directory: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("progress-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test func missingFileGivesEmptyProgress() {
        let store = ProgressStore(file: directory + "/none.json")
        #expect(store.load() == LessonProgress())
        #expect(!FileManager.default.fileExists(atPath: directory + "/none.json"))
    }

    @Test func saveThenLoadRoundTripsAndCreatesTheDirectory() throws {
        let store = ProgressStore(file: directory + "/nested/state/progress.json")
        var progress = LessonProgress(current: .init(lessonID: "limits", step: 2))
        progress.markCompleted("zeta")
        progress.markCompleted("alpha")
        progress.markCompleted("zeta")
        #expect(progress.completedLessons == ["alpha", "zeta"])
        try store.save(progress)
        #expect(store.load() == progress)
        let json = try String(contentsOfFile: store.file, encoding: .utf8)
        #expect(json.contains("\"completed_lessons\""))
        #expect(json.contains("\"lesson\" : \"limits\""))
    }

    @Test func corruptFilesAreSetAsideWithIncreasingNumbers() throws {
        let file = directory + "/progress.json"
        let store = ProgressStore(file: file)
        try "{ not json".write(toFile: file, atomically: true, encoding: .utf8)
        let first = store.loadReportingRecovery()
        #expect(first.progress == LessonProgress())
        #expect(first.setAsideTo == file + ".corrupt-1")
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(try String(contentsOfFile: file + ".corrupt-1", encoding: .utf8) == "{ not json")

        try #"{"completed_lessons": 3}"#.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(store.load() == LessonProgress())
        #expect(FileManager.default.fileExists(atPath: file + ".corrupt-2"))

        // After recovery, saving works again and nothing more is moved.
        try store.save(LessonProgress(completedLessons: ["limits"]))
        #expect(store.loadReportingRecovery().setAsideTo == nil)
        #expect(store.load().isCompleted("limits"))
    }

    @Test func missingCurrentDecodesAsNil() throws {
        let file = directory + "/progress.json"
        try #"{"completed_lessons": ["b", "a", "b"]}"#.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(ProgressStore(file: file).load() == LessonProgress(completedLessons: ["a", "b"]))
    }
}

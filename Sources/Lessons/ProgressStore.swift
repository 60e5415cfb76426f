import Foundation

/// Saves and loads ``LessonProgress`` as a small JSON file (e.g. `~/.local/state/poolplay/progress.json`).
///
/// Losing progress must never stop the playground: a file that cannot be read or decoded is moved
/// aside to `<file>.corrupt-<n>` (the first unused `n` from 1) and empty progress is returned, so the
/// learner can still inspect what was there.
public struct ProgressStore: Sendable {
    /// The JSON file.
    public let file: String

    /// Creates a store; nothing is read or written until ``load()`` or ``save(_:)``.
    ///
    /// - Parameter file: The path of the JSON file.
    public init(file: String) {
        self.file = file
    }

    /// Loads progress; never fails.
    ///
    /// - Returns: The saved progress; empty progress when the file is missing or corrupt.
    public func load() -> LessonProgress {
        loadReportingRecovery().progress
    }

    /// Loads progress and says where a corrupt file was moved, so the host can tell the learner.
    ///
    /// - Returns: The progress, and the path a corrupt file was moved to (`nil` when nothing was moved;
    ///   also `nil` if moving failed, in which case the corrupt file stays and will be retried).
    public func loadReportingRecovery() -> (progress: LessonProgress, setAsideTo: String?) {
        guard FileManager.default.fileExists(atPath: file) else { return (LessonProgress(), nil) }
        if let data = FileManager.default.contents(atPath: file),
            let progress = try? JSONDecoder().decode(LessonProgress.self, from: data)
        {
            return (progress, nil)
        }
        return (LessonProgress(), setAside())
    }

    /// Writes progress atomically, creating the parent directory if needed.
    ///
    /// - Parameter progress: The progress to save.
    /// - Throws: File-system errors (a read-only home, say); the host reports them and carries on.
    public func save(_ progress: LessonProgress) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(progress)
        let url = URL(fileURLWithPath: file)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try data.write(to: url, options: .atomic)
    }

    /// Clears progress (`%lessons reset`): copies the file to the first free `<file>.backup-<n>` first, then saves
    /// empty progress.
    ///
    /// - Returns: The backup's path, or `nil` when there was no file to back up.
    /// - Throws: File-system errors; when the backup cannot be written, nothing is cleared.
    @discardableResult
    public func reset() throws -> String? {
        var backup: String?
        if FileManager.default.fileExists(atPath: file) {
            var n = 1
            while FileManager.default.fileExists(atPath: "\(file).backup-\(n)") { n += 1 }
            try FileManager.default.copyItem(atPath: file, toPath: "\(file).backup-\(n)")
            backup = "\(file).backup-\(n)"
        }
        try save(LessonProgress())
        return backup
    }

    /// Moves the corrupt file to the first free `<file>.corrupt-<n>`; returns that path, or `nil`.
    private func setAside() -> String? {
        // Bounded: a directory with 10 000 corrupt copies has bigger problems.
        for n in 1...10_000 {
            let target = "\(file).corrupt-\(n)"
            if FileManager.default.fileExists(atPath: target) { continue }
            do {
                try FileManager.default.moveItem(atPath: file, toPath: target)
                return target
            } catch {
                return nil
            }
        }
        return nil
    }
}

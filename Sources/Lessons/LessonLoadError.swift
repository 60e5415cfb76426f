/// A problem in a lesson file, located at `file:line` so an editor can jump to it.
///
/// The ``description`` follows the compiler convention, e.g.
/// `Lessons/01-limits.md:14: step 'Build the client' has a solution but no check`.
/// `line` is `nil` for problems with the file as a whole (it cannot be read, the directory is missing).
public struct LessonLoadError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The path of the offending file, as given to the loader.
    public var file: String
    /// The 1-based line of the problem, or `nil` when it concerns the whole file.
    public var line: Int?
    /// What is wrong and, where it helps, what to write instead.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - file: The offending file.
    ///   - line: The 1-based line, or `nil` for the whole file.
    ///   - message: What is wrong.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` when there is no line.
    public var description: String {
        if let line {
            return "\(file):\(line): \(message)"
        }
        return "\(file): \(message)"
    }
}

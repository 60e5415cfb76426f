import Foundation

/// Where a session writes: standard output for results, standard error for tracebacks and panels.
public protocol SessionOutput: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// The process's stdout and stderr, flushed after every write so prompts and output interleave correctly.
public final class StandardOutput: SessionOutput, Sendable {
    public init() {}

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Collects output in memory (tests).
public final class CapturedOutput: SessionOutput {
    public private(set) var stdout = ""
    public private(set) var stderr = ""
    /// Both streams in the order written.
    public private(set) var combined = ""

    public init() {}

    public func write(_ text: String) {
        stdout += text
        combined += text
    }

    public func writeError(_ text: String) {
        stderr += text
        combined += text
    }
}

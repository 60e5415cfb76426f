import Foundation
import Synchronization

/// Output that can hold one live line in place at the bottom of a terminal (the statement gauge).
public protocol LiveLineOutput: SessionOutput, Sendable {
    /// Draws `text` (one line, no newline) over the current live line.
    func showLive(_ text: String)
    /// Erases the live line, if one is shown.
    func eraseLive()
}

/// Standard output and error on a terminal, with a live line: any other write first erases it, so printed text
/// never lands after the gauge; the gauge's next frame draws it again.
public final class TerminalOutput: LiveLineOutput {
    /// Whether a live line is on the screen. Writes happen under the lock, so frames and text never interleave.
    private let liveShown = Mutex(false)

    public init() {}

    /// Return to column 0 and erase the line (ECMA-48 CR, EL 2).
    static let eraseLine = "\r\u{1B}[2K"

    public func write(_ text: String) {
        liveShown.withLock { shown in
            var data = shown ? Self.eraseLine : ""
            shown = false
            data += text
            FileHandle.standardOutput.write(Data(data.utf8))
        }
    }

    public func writeError(_ text: String) {
        liveShown.withLock { shown in
            if shown { FileHandle.standardOutput.write(Data(Self.eraseLine.utf8)) }
            shown = false
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    public func showLive(_ text: String) {
        liveShown.withLock { shown in
            shown = true
            FileHandle.standardOutput.write(Data((Self.eraseLine + text).utf8))
        }
    }

    public func eraseLive() {
        liveShown.withLock { shown in
            if shown { FileHandle.standardOutput.write(Data(Self.eraseLine.utf8)) }
            shown = false
        }
    }
}

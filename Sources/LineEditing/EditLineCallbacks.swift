import CEditShim
import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libedit's C callbacks. Each is a non-capturing `static let` closure (a capturing
/// `@convention(c)` closure crashes swift-frontend 6.3.1 in Swift 6 mode) that finds its
/// ``EditLineSession`` through `EL_CLIENTDATA`.
enum EditLineCallbacks {
    static func session(_ editLine: OpaquePointer?) -> EditLineSession? {
        guard let editLine, let data = ceditshim_get_clientdata(editLine) else { return nil }
        return Unmanaged<EditLineSession>.fromOpaque(data).takeUnretainedValue()
    }

    static let prompt: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { editLine in
        session(editLine)?.currentPrompt
    }

    /// ^C: move the terminal cursor to the end of the line (by re-echoing the text after the
    /// cursor), show `^C`, end `el_gets`, and mark the line as discarded.
    static let interrupt: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        guard let session = session(editLine) else { return UInt8(CC_ERROR) }
        session.interrupted = true
        var rest = ""
        if let info = el_line(session.editLine) {
            let count = info.pointee.lastchar - info.pointee.cursor
            if count > 0 {
                rest = String(decoding: UnsafeRawBufferPointer(start: info.pointee.cursor, count: count), as: UTF8.self)
            }
        }
        session.writeOut(rest + "^C\n")
        return UInt8(CC_NEWLINE)
    }

    /// ^Z: ISIG is off while editing, so raise SIGTSTP ourselves; libedit's EL_SIGNAL handler
    /// drops to cooked mode before stopping and back to raw mode after `fg`.
    static let suspend: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        session(editLine)?.writeOut("\n")  // so the shell's "Stopped" starts on its own row
        kill(getpid(), SIGTSTP)
        // After `fg`: redraw prompt and line on a fresh row (the shell printed "Stopped" over it).
        return UInt8(CC_REDISPLAY)
    }

    /// TAB: see ``Completion/action(lineBeforeCursor:candidates:isRepeatedTab:)``.
    static let complete: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        guard let session = session(editLine), let completer = session.completer,
              let info = el_line(session.editLine)
        else { return UInt8(CC_REFRESH_BEEP) }
        let count = info.pointee.cursor - info.pointee.buffer
        let before = String(
            decoding: UnsafeRawBufferPointer(start: info.pointee.buffer, count: max(0, count)), as: UTF8.self)
        let action = Completion.action(
            lineBeforeCursor: before, candidates: completer(before), isRepeatedTab: session.lastTabText == before)
        session.lastTabText = before
        switch action {
        case .insert(let text):
            session.lastTabText = nil
            return el_insertstr(session.editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
        case .extend(let text):
            session.lastTabText = before + text
            return el_insertstr(session.editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
        case .list(let names):
            session.writeOut("\n" + Completion.columns(names, width: Int(ceditshim_terminal_columns())) + "\n")
            return UInt8(CC_REDISPLAY)
        case .beep:
            return UInt8(CC_REFRESH_BEEP)
        }
    }
}

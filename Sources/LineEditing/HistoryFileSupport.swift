#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the history file's parent folders (mode 0700) and the file itself (mode 0600) before
/// libedit reads or writes it. libedit's `H_SAVE` writes the `_HiStOrY_V2_` format with each entry
/// vis(3)-encoded (so newlines inside multi-line entries survive) and keeps the file at 0600.
enum HistoryFileSupport {
    static func prepare(_ path: String) {
        createDirectories(parentOf(path))
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        if descriptor >= 0 { close(descriptor) }
    }

    static func parentOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `mkdir -p`, ignoring errors (a missing folder only means history is not saved).
    static func createDirectories(_ path: String) {
        guard !path.isEmpty, path != "/", path != "." else { return }
        var info = stat()
        if stat(path, &info) == 0 { return }
        createDirectories(parentOf(path))
        mkdir(path, 0o700)
    }
}

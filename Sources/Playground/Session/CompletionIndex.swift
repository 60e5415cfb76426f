import LineEditing
import PoolScript
import PythonModels
import Synchronization

/// The words TAB completes at the prompt: magics, keywords, the session's names and their attribute paths
/// (`client._client._transport._pool._max_connections`).
///
/// Rebuilt after each entry, on the interpreter's thread, and read by libedit's completion callback on the reader
/// thread — hence the lock.
public final class CompletionIndex: Sendable {
    private let words = Mutex<[String]>([])

    /// Each magic's words, from ``MagicRegistry``.
    static var magics: [String] { MagicRegistry.completions }
    static let keywords = [
        "import ", "from ", "await ", "async ", "def ", "for ", "while ", "if ", "elif ", "else:", "try:", "except ",
        "finally:", "return ", "print(", "len(", "range(", "help(", "True", "False", "None",
    ]

    /// Candidates for the word before the cursor.
    func candidates(lineBeforeCursor: String) -> [String] {
        let word = String(Completion.currentWord(in: lineBeforeCursor))
        let all = words.withLock { $0 }
        return all.filter { $0.hasPrefix(word) && $0 != word }
    }

    /// Rebuilds from the session's globals: each name, then attributes breadth-first up to `depth` levels.
    func rebuild(globals: [String: Value], depth: Int = 4, limit: Int = 4000) {
        var result = Self.magics + Self.keywords
        var frontier: [(path: String, object: any PyObject)] = []
        for (name, value) in globals where !name.hasPrefix("__") {
            result.append(name)
            if case .object(let object) = value { frontier.append((name, object)) }
        }
        var level = 0
        while !frontier.isEmpty, level < depth, result.count < limit {
            var next: [(path: String, object: any PyObject)] = []
            for (path, object) in frontier {
                for attribute in object.attributeNames where !attribute.hasPrefix("__") {
                    let child = "\(path).\(attribute)"
                    guard let value = try? object.getAttribute(attribute) else { continue }
                    if case .object(let inner) = value {
                        let callable = inner is NativeFunction || inner is PythonClass
                        result.append(callable ? child + "(" : child)
                        if !callable { next.append((child, inner)) }
                    } else {
                        result.append(child)
                    }
                    if result.count >= limit { break }
                }
            }
            frontier = next
            level += 1
        }
        let sorted = Array(Set(result)).sorted()
        words.withLock { $0 = sorted }
    }
}

import Foundation
import LineEditing
import PoolScript
import PythonModels
import Synchronization

/// What TAB completes at the prompt, kept as a ``CompletionModel`` snapshot.
///
/// Rebuilt after each entry, on the interpreter's thread, by reading the session's names and their attributes
/// (nothing is called, so no request is ever sent to complete `client.`); read by libedit's completion callback on
/// the reader thread — hence the lock. ``Completer`` does the rest, as a pure function.
public final class CompletionIndex: Sendable {
    private let model = Mutex(CompletionModel())
    private let listFolder: Completer.ListFolder

    init(listFolder: @escaping Completer.ListFolder = FolderListing.entries) {
        self.listFolder = listFolder
    }

    static let keywords = [
        "import ", "from ", "await ", "async ", "def ", "for ", "while ", "if ", "elif ", "else:", "try:", "except ",
        "finally:", "return ", "print(", "len(", "range(", "help(", "True", "False", "None",
    ]

    /// What the error hints may consult: callables' keyword names and the importable modules.
    var hintKnowledge: ErrorHints.Knowledge {
        model.withLock { ErrorHints.Knowledge(keywords: $0.keywords, modules: $0.modules.keys.sorted()) }
    }

    /// Candidates for the word before the cursor.
    func candidates(lineBeforeCursor: String) -> [String] {
        let snapshot = model.withLock { $0 }
        return Completer.candidates(lineBeforeCursor: lineBeforeCursor, model: snapshot, listFolder: listFolder)
    }

    /// Rebuilds from the session's globals: each name, then attributes breadth-first up to `depth` levels, with the
    /// keyword parameters of every callable met on the way.
    func rebuild(
        globals: [String: Value], modules: [String: any PyObject] = [:], facts: CompletionFacts = .init(),
        depth: Int = 4, limit: Int = 4000
    ) {
        var next = CompletionModel()
        next.magics = MagicRegistry.all.flatMap { magic in magic.names.filter { !$0.isEmpty }.map { ($0, magic.arguments) } }
        next.statementWords = Self.keywords
        next.facts = facts
        for (name, module) in modules {
            next.modules[name] = module.attributeNames.filter { !$0.hasPrefix("__") }.sorted()
        }
        var words: [String] = []
        var frontier: [(path: String, object: any PyObject)] = []
        func note(_ path: String, _ object: any PyObject) -> Bool {
            if let callable = object as? any PyParameterized {
                let names = callable.keywordNames
                if !names.isEmpty { next.keywords[path] = names }
            }
            return object is NativeFunction || object is PythonClass || object is any PyParameterized
        }
        for (name, value) in globals where !name.hasPrefix("__") {
            if case .object(let object) = value {
                let callable = note(name, object)
                words.append(callable ? name + "(" : name)
                if !callable { frontier.append((name, object)) }
            } else {
                words.append(name)
            }
        }
        var level = 0
        while !frontier.isEmpty, level < depth, words.count < limit {
            var deeper: [(path: String, object: any PyObject)] = []
            for (path, object) in frontier {
                for attribute in object.attributeNames where !attribute.hasPrefix("__") {
                    let child = "\(path).\(attribute)"
                    guard let value = try? object.getAttribute(attribute) else { continue }
                    if case .object(let inner) = value {
                        let callable = note(child, inner)
                        words.append(callable ? child + "(" : child)
                        if !callable { deeper.append((child, inner)) }
                    } else {
                        words.append(child)
                    }
                    if words.count >= limit { break }
                }
            }
            frontier = deeper
            level += 1
        }
        next.words = Array(Set(words)).sorted()
        model.withLock { $0 = next }
    }
}

/// The file system's side of `%save` completion.
enum FolderListing {
    /// The entries of `folder` (relative to the current folder; "" for the current folder), folders ending in `/`,
    /// hidden ones left out.
    @Sendable static func entries(_ folder: String) -> [String] {
        let path = folder.isEmpty ? "." : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isFolder)
            return isFolder.boolValue ? name + "/" : name
        }
    }
}

import PoolScript
import PythonModels

/// `obj?` (and the `help(obj)` builtin, which shares its text): what an object is and which lesson covers it.
///
/// Not a `%` magic — an entry ending in `?` comes here — but listed among them for its line in `%help`.
extension Magic {
    static let objectHelp = Magic(
        names: [],
        helpEntries: [.init("help(obj), obj?", "what an object is and which lesson covers it")],
        run: { session, invocation in await session.objectHelp(invocation.text) })
}

extension Session {
    /// - Parameter line: the entry, `name?` or `obj.attr?`.
    func objectHelp(_ line: String) async {
        let name = String(line.prefix { $0 != "?" })
        do {
            let value = try await interpreter.evaluate(name)
            output.write(helpText(for: value) + "\n")
        } catch let error as PythonError {
            output.writeError(error.formatted())
        } catch let diagnostic as SyntaxError {
            output.writeError(diagnostic.formatted(fileName: "<stdin>"))
        } catch {
            output.writeError("\(error)\n")
        }
    }
}

import Foundation

/// `%save FILE`: writes the Python the learner ran in this session to a file that `poolplay run FILE` (or CPython,
/// inside `async def main()`) runs again. Magics are left out, except `%burst`, saved as the Python it ran. An existing file is never overwritten unless asked
/// (`%save -f FILE`), so a typo cannot destroy other work.
extension Magic {
    static let save = Magic(
        names: ["save"],
        helpEntries: [.init("%save FILE", "write it to FILE (poolplay run FILE)", placement: .besidePrevious)],
        arguments: .files,
        run: { session, invocation in session.saveMagic(invocation.arguments) })
}

extension Session {
    func saveMagic(_ arguments: [String]) {
        let force = arguments.first == "-f"
        let rest = force ? Array(arguments.dropFirst()) : arguments
        guard rest.count == 1, let path = rest.first else {
            output.writeError("UsageError: %save [-f] FILE: writes this session's Python to FILE\n")
            return
        }
        let entries = script
        guard !entries.isEmpty else {
            output.writeError("UsageError: %save: nothing to save yet\n")
            return
        }
        if !force && FileManager.default.fileExists(atPath: path) {
            output.writeError("UsageError: %save: \(path) exists; %save -f \(path) overwrites it\n")
            return
        }
        // A blank line after each block keeps the file pasteable at a Python prompt too.
        let text = entries.map { $0.contains("\n") ? $0 + "\n" : $0 }.joined(separator: "\n") + "\n"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            output.write("Saved \(entries.count) entries to \(path) — run them again with: poolplay run \(path)\n")
        } catch {
            output.writeError("UsageError: %save: could not write \(path): \(error)\n")
        }
    }
}

extension Session {
    /// A `%server KNOB=VALUE …` change, kept for `%save` as the Python that does the same in `poolplay run`:
    /// `poolplay.server.configure(latency="300ms")`.
    func saveAsPython(knobs: [String]) {
        if !script.contains("import poolplay") { script.append("import poolplay") }
        let arguments = knobs.map { knob -> String in
            let parts = knob.split(separator: "=", maxSplits: 1).map(String.init)
            let value = parts[1].replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\(parts[0])=\"\(value)\""
        }
        script.append("poolplay.server.configure(\(arguments.joined(separator: ", ")))")
    }
}

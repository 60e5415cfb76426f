/// The playground's `%magic` commands (IPython style) and `obj?` help, dispatched through ``MagicRegistry``.
extension Session {
    func runMagic(_ line: String) async {
        if !line.hasPrefix("%") {
            await Magic.objectHelp.run(self, Magic.Invocation(arguments: [], text: line))
            return
        }
        let words = line.dropFirst().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let command = words.first ?? ""
        guard let magic = MagicRegistry.magic(named: command) else {
            output.writeError("UsageError: Line magic function `%\(command)` not found. Try %help.\n")
            return
        }
        let invocation = Magic.Invocation(
            arguments: Array(words.dropFirst()), text: String(line.dropFirst(1 + command.count)))
        await magic.run(self, invocation)
    }
}

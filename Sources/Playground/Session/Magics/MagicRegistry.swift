/// Every `%magic` the playground knows, in `%help` order.
///
/// Swift has no link-time registration, so this list is the one place that names every magic: one line per magic
/// file. Everything else about a magic — its names, dispatch, help line and completions — lives in its own file.
enum MagicRegistry {
    /// The magics, in the order of the `%help` table.
    static let all: [Magic] = [
        Magic.lessonFamily,
        [Magic.lang],
        [Magic.pool],
        [Magic.autopool],
        [Magic.timeline],
        [Magic.why],
        [Magic.server],
        [Magic.reset],
        [Magic.clear],
        [Magic.burst],
        [Magic.simulate],
        [Magic.history],
        [Magic.save],
        [Magic.help],
        [Magic.objectHelp],
        [Magic.quit],
        // A new magic: one line here, everything else in its own file under Session/Magics/.
    ].flatMap { $0 }

    /// The magic answering to `name` (`%name`), if any.
    static func magic(named name: String) -> Magic? {
        byName[name]
    }

    private static let byName: [String: Magic] = {
        var table: [String: Magic] = [:]
        for magic in all {
            for name in magic.names {
                precondition(table[name] == nil, "two magics are named %\(name)")
                table[name] = magic
            }
        }
        return table
    }()


    /// The `%help` text: the banner, the table of every magic's help lines, and the footer.
    /// The `%help` text for a terminal `width` columns wide: below ``sideBySideWidth`` (or piped at none) every
    /// entry gets a line of its own; each line then wraps under its summary column.
    static func helpText(width: Int?) -> String {
        guard let width, width < sideBySideWidth else { return helpText }
        return ([Magic.helpBanner] + MagicHelpTable.lines(all.flatMap(\.helpEntries), sideBySide: false)
            + [Magic.helpFooter]).joined(separator: "\n")
    }

    /// The narrowest terminal that shows two entries side by side.
    static let sideBySideWidth = 100

    static let helpText: String =
        ([Magic.helpBanner] + MagicHelpTable.lines(all.flatMap(\.helpEntries)) + [Magic.helpFooter]).joined(separator: "\n")
}

import TerminalUI

/// Lays out the `%help` table from the magics' ``Magic/HelpEntry`` values.
///
/// Each line is indented two spaces, and its usage fills a 20-column left column. A
/// ``Magic/HelpEntry/Placement/besidePrevious`` entry shares the line above: that line's summary fills 31 columns,
/// then the entry's usage fills 13 before its own summary. A cell wider than its column keeps a small gap (three
/// spaces after a usage or summary, two after a right-hand usage).
enum MagicHelpTable {
    static let indent = "  "
    static let usageWidth = 20
    static let summaryWidth = 31
    static let besideUsageWidth = 13

    /// The table's lines, in entry order.
    ///
    /// - Parameter sideBySide: false puts every entry on a line of its own (narrow terminals).
    static func lines(_ entries: [Magic.HelpEntry], sideBySide: Bool = true) -> [String] {
        var lines: [String] = []
        var lastSummary: String?  // the summary ending the line above, while it has room beside it
        for entry in entries {
            if sideBySide, entry.placement == .besidePrevious, let summary = lastSummary, let line = lines.popLast() {
                lines.append(
                    line + gap(after: summary, width: summaryWidth, minimum: 3)
                        + entry.usage + gap(after: entry.usage, width: besideUsageWidth, minimum: 2) + entry.summary)
                lastSummary = nil
            } else {
                lines.append(indent + entry.usage + gap(after: entry.usage, width: usageWidth, minimum: 3) + entry.summary)
                lastSummary = entry.summary
            }
        }
        return lines
    }

    /// The spaces that take `text` to `width` columns, at least `minimum` of them.
    private static func gap(after text: String, width: Int, minimum: Int) -> String {
        String(repeating: " ", count: max(width - visibleWidth(text), minimum))
    }
}

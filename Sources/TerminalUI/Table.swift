/// A text table whose columns line up by *visible* width, so CJK text (two columns per character)
/// and styled cells align where byte- or character-counting tables (TextTable) do not.
///
/// ```
/// name    state  requests
/// ──────  ─────  ────────
/// conn-1  idle          3
/// 连接二  active        1
/// ```
///
/// Columns are separated by ``separator``; the header is drawn in ``headerStyle`` and underlined by a
/// dim rule of `─` (U+2500 counts one column, as in non-CJK locales). The last column is not padded
/// when left-aligned, so lines carry no trailing spaces. Missing cells are empty; cells beyond the
/// column count are ignored. Cells should be single lines.
public struct Table: Sendable, Hashable {
    /// How cells sit in their column.
    public enum Alignment: Sendable, Hashable {
        /// Padding goes on the right: text.
        case left
        /// Padding goes on the left: numbers.
        case right
    }

    /// A column: its header and alignment.
    public struct Column: Sendable, Hashable {
        /// The header text.
        public var header: StyledText
        /// How the header and cells are aligned.
        public var alignment: Alignment

        /// Creates a column.
        ///
        /// - Parameters:
        ///   - header: The header text.
        ///   - alignment: The alignment; `.left` by default.
        public init(_ header: StyledText, alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows of cells.
    public var rows: [[StyledText]]
    /// The text between columns; two spaces by default.
    public var separator: String = "  "
    /// The style laid over header cells; bold by default.
    public var headerStyle: Style = .bold
    /// Whether to draw the rule under the header.
    public var showsRule: Bool = true

    /// Creates a table.
    ///
    /// - Parameters:
    ///   - columns: The columns.
    ///   - rows: The rows of cells.
    public init(columns: [Column], rows: [[StyledText]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The width of each column: its widest cell or header.
    public var columnWidths: [Int] {
        columns.indices.map { index in
            rows.reduce(columns[index].header.visibleWidth) { widest, row in
                index < row.count ? max(widest, row[index].visibleWidth) : widest
            }
        }
    }

    /// Renders the table; lines are joined by `\n`, with no trailing newline.
    ///
    /// - Returns: The styled table.
    public func render() -> StyledText {
        let widths = columnWidths
        var lines: [StyledText] = []
        lines.append(line(columns.map { $0.header.applying(headerStyle) }, widths: widths))
        if showsRule {
            let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: separator)
            lines.append(StyledText(rule, style: .dim))
        }
        for row in rows {
            lines.append(line(row, widths: widths))
        }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [StyledText], widths: [Int]) -> StyledText {
        var result = StyledText()
        for (index, column) in columns.enumerated() {
            let cell = index < cells.count ? cells[index] : StyledText()
            let padding = String(repeating: " ", count: max(0, widths[index] - cell.visibleWidth))
            let isLast = index == columns.count - 1
            if index > 0 { result.append(separator) }
            switch column.alignment {
            case .left:
                result.append(cell)
                if !isLast { result.append(padding) }
            case .right:
                result.append(padding)
                result.append(cell)
            }
        }
        return result
    }
}

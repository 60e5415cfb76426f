import Testing

@testable import TerminalUI

@Suite struct TableTests {
    static let table = Table(
        columns: [.init("name"), .init("state"), .init("requests", alignment: .right)],
        rows: [
            ["conn-1", StyledText("idle", style: .green), "3"],
            ["连接二", StyledText("active", style: .yellow), "12"],
        ]
    )

    @Test func plainTableAlignsCJKByColumns() {
        let expected = """
            name    state   requests
            ──────  ──────  ────────
            conn-1  idle           3
            连接二  active        12
            """
        #expect(PlainDecorator().render(Self.table.render()) == expected)
        // Every line has the same visible width except where the last column is short.
        let widths = PlainDecorator().render(Self.table.render()).split(separator: "\n").map {
            visibleWidth(String($0))
        }
        #expect(widths == [24, 24, 24, 24])
    }

    @Test func ansiTablePadsOutsideTheEscapes() {
        let e = "\u{1B}"
        let expected = [
            "\(e)[1mname\(e)[0m    \(e)[1mstate\(e)[0m   \(e)[1mrequests\(e)[0m",
            "\(e)[2m──────  ──────  ────────\(e)[0m",
            "conn-1  \(e)[32midle\(e)[0m           3",
            "连接二  \(e)[33mactive\(e)[0m        12",
        ].joined(separator: "\n")
        #expect(ANSIDecorator().render(Self.table.render()) == expected)
    }

    @Test func lastLeftColumnIsNotPaddedAndMissingCellsAreEmpty() {
        var table = Table(columns: [.init("k"), .init("value")], rows: [["a", "是"], ["long key"]])
        table.showsRule = false
        table.separator = " | "
        let expected = """
            k        | value
            a        | 是
            long key | 
            """
        #expect(PlainDecorator().render(table.render()) == expected)
        #expect(table.columnWidths == [8, 5])
    }
}

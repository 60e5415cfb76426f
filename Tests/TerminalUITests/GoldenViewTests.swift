import Foundation
import PoolCore
import Testing

@testable import TerminalUI

/// Golden files for what the shell draws: the pool panel, the timeline, the gauge and the `%why` narration, as
/// plain text and with ANSI, at 60 and 100 columns, with a CJK name. `POOLPLAY_RECORD_GOLDEN=1` rewrites them
/// (then read the diff before committing).
@Suite struct GoldenViewTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ name: String, _ text: StyledText, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (variant, rendered) in [("plain", PlainDecorator().render(text)), ("ansi", ANSIDecorator().render(text))] {
            let file = folder.appendingPathComponent("\(name).\(variant).txt")
            if ProcessInfo.processInfo.environment["POOLPLAY_RECORD_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try rendered.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(rendered == expected, "\(name).\(variant) differs from its golden file", sourceLocation: sourceLocation)
        }
    }

    /// A keep-alive burst on httpx `Limits(5, 2)`: 20 requests of 0.2 s, replayed through the real machine.
    static let burst: PoolStateMachine = PoolReplay.drive(
        PoolReplay.burst(20, serviceTime: 0.2),
        configuration: PoolConfiguration(maxConnections: 5, maxKeepaliveConnections: 2, keepaliveExpiry: 5, algorithm: .httpcore1),
        poolTimeout: nil, end: 100, eventLogCapacity: 4096)

    @Test(arguments: [60, 100])
    func panel(width: Int) throws {
        let view = PoolView(
            title: "客户端._client", library: "httpcore 1.0.9", limits: "max_connections=5, max_keepalive_connections=2",
            snapshot: Self.burst.snapshot, previous: PoolSnapshot(activeRequests: 0, queuedRequests: 0, connections: [], counters: PoolCounters()),
            width: width)
        let text = view.render()
        #expect(text.plainText.split(separator: "\n").allSatisfy { visibleWidth(String($0)) <= width })
        try Self.check("panel-\(width)", text)
    }

    @Test func timeline() throws {
        try Self.check("timeline", TimelineView(title: "client", entries: Self.burst.eventLog.entries).render())
    }

    @Test(arguments: [60, 100])
    func gaugeFrames(width: Int) throws {
        var frames = StyledText()
        for done in [0, 5, 12, 20] {
            let reading = GaugeReading(
                done: done, started: 20, activeRequests: min(5, 20 - done), queuedRequests: max(15 - done, 0),
                openConnections: 5, idleConnections: done == 20 ? 5 : 0, elapsed: Double(done) * 0.21)
            frames.append(GaugeView.render(reading, width: width))
            frames.append("\n")
        }
        try Self.check("gauge-\(width)", frames)
    }

    @Test(arguments: [60, 100])
    func why(width: Int) throws {
        let narrative = PoolNarrative(configuration: Self.burst.configuration, poolTimeout: nil)
        var text = StyledText("Why, for 客户端 (httpcore 1.0.9, max_connections=5, max_keepalive_connections=2):\n")
        for line in narrative.lines(Self.burst.eventLog.entries, since: nil) { text.append("  • \(line.text)\n") }
        let fitted = WidthFit.fit(text, width: width)
        #expect(fitted.plainText.split(separator: "\n").allSatisfy { visibleWidth(String($0)) <= width })
        try Self.check("why-\(width)", fitted)
    }
}

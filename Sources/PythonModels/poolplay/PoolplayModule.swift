import MockServer
import PoolScript

/// `import poolplay`: the playground's own module. `poolplay.server` is the built-in mock endpoint
/// (None when the session runs without one); `poolplay.server.ledger` is what it saw.
///
/// ```python
/// >>> import poolplay
/// >>> poolplay.server
/// <MockServer http://127.0.0.1:53811/v1 latency=200ms idle_timeout=none …>
/// >>> poolplay.server.ledger.connections[0]
/// Connection(id=1, client_port=53212, opened_at=3.104, closed_at=None, requests=2, closed_by=None, close_reason=None)
/// ```
package enum PoolplayModule {
    package static func make(context: PlaygroundContext) -> ModuleObject {
        let server: Value = context.mockServer.map { .object(MockServerObject(server: $0)) } ?? .none
        return ModuleObject(name: "poolplay", attributes: ["server": server])
    }
}

/// `poolplay.server`: the mock endpoint's base URL, its knobs, its ledger, `reset()` and `configure(**knobs)`.
///
/// `configure(latency="300ms", rps=5)` is `%server latency=300ms rps=5` from Python: every knob at once
/// or none (a bad one raises `ValueError` with the same words `%server` prints).
final class MockServerObject: PyObject {
    let server: MockServer

    init(server: MockServer) { self.server = server }

    var pyTypeName: String { "MockServer" }

    /// The knobs a learner turns most, in `%server help` order; `.knobs` has all of them.
    static let summaryKnobs = [
        "latency", "idle_timeout", "max_requests_per_connection", "max_connections", "rps", "max_concurrent",
        "fault", "done_delay",
    ]

    func pyRepr() -> String {
        let knobs = server.configuration.describe().split(separator: " ").filter { item in
            Self.summaryKnobs.contains { item.hasPrefix($0 + "=") }
        }
        return "<MockServer \(server.baseURL) \(knobs.joined(separator: " "))>"
    }

    var attributeNames: [String] { ["base_url", "configure", "knobs", "ledger", "reset"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "base_url": return .str(server.baseURL)
        case "ledger": return .object(LedgerObject(server: server))
        case "knobs": return .str(server.configuration.describe())
        case "reset":
            return pyMethod("MockServer", "reset") { [server] arguments in
                _ = try arguments.bind("reset", [], selfCounted: true)
                server.resetLedger()
                return .none
            }
        case "configure":
            return pyMethod("MockServer", "configure") { [server] arguments in
                guard arguments.positional.isEmpty else {
                    throw PythonError.typeError(
                        "MockServer.configure() takes 1 positional argument but \(arguments.positional.count + 1) were given")
                }
                var changed = server.configuration
                for (knob, value) in arguments.keywords {
                    let text: String
                    switch value {
                    case .none: text = "none"
                    case .str(let string): text = string
                    case .int(let number): text = String(number)
                    default: text = value.repr()
                    }
                    do {
                        try changed.apply(knob, text)
                    } catch {
                        throw PythonError.valueError("\(error)")
                    }
                }
                let final = changed
                server.updateConfiguration { $0 = final }
                return .none
            }
        default: return nil
        }
    }
}

import Foundation

/// Drives `Tests/Differential/differential.py`: one scenario script, run unchanged through real Python
/// (httpx 0.28.1 / httpcore 1.0.9, or httpx2 2.16.2 / httpcore2) and through `poolplay run`, each against a
/// fresh independent counting server (`Tests/Differential/counting_server.py`).
enum DifferentialHarness {
    /// What one runner produced: its exit status and output, and what the counting server saw.
    struct Outcome: Decodable, Sendable {
        /// Exit status of the script's process.
        var status: Int
        /// Printed lines, with the server ports replaced by `ORIGIN0` / `ORIGIN1`.
        var stdout: [String]
        /// TCP connections the server accepted (control connections excluded).
        var connectionsOpened: Int
        /// Per connection: origin index, requests served, who closed it (`client` / `server`).
        var connections: [[LedgerValue]]
        /// Requests in server arrival order: origin index and the script's `i` tag.
        var requests: [[LedgerValue]]
        /// Tags served per connection (ordered scenarios) or sorted request counts (concurrent ones).
        var served: LedgerValue
        /// The last 2,000 characters of stderr, for failure messages.
        var stderr: String

        enum CodingKeys: String, CodingKey {
            case status, stdout, connections, requests, served, stderr
            case connectionsOpened = "connections_opened"
        }
    }

    /// A JSON scalar or list from the ledger, compared structurally.
    indirect enum LedgerValue: Decodable, Equatable, Sendable, CustomStringConvertible {
        case int(Int)
        case string(String)
        case null
        case list([LedgerValue])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Int.self) {
                self = .int(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else {
                self = .list(try container.decode([LedgerValue].self))
            }
        }

        var description: String {
            switch self {
            case .int(let value): "\(value)"
            case .string(let value): "'\(value)'"
            case .null: "None"
            case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The pinned virtualenv's interpreter (httpx and httpx2 installed); nil when `make test` has not made it.
    static var python: URL? {
        let url = PoolplayBinary.packageRoot.appendingPathComponent(".venv/openai3/bin/python")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// Whether the suite can run here.
    static var available: Bool { python != nil && (try? PoolplayBinary.path) != nil }

    /// Runs `scenario` for `lib` (`httpx` or `httpx2`) through both runners; returns (cpython, poolplay).
    static func run(scenario: String, lib: String) async throws -> (cpython: Outcome, poolplay: Outcome) {
        guard let python else { throw Failure(description: "no .venv/openai3") }
        let driver = PoolplayBinary.packageRoot.appendingPathComponent("Tests/Differential/differential.py")
        let arguments = [driver.path, "--scenario", scenario, "--lib", lib, "--poolplay", try PoolplayBinary.path]
        let output = try await ChildProcess.run(python, arguments: arguments, timeout: .seconds(150))
        guard output.status == 0 else {
            throw Failure(description: "driver exited \(output.status): \(output.stderr.suffix(2000))")
        }
        let both = try JSONDecoder().decode([String: Outcome].self, from: Data(output.stdout.utf8))
        guard let cpython = both["cpython"], let poolplay = both["poolplay"] else {
            throw Failure(description: "driver output lacks a runner: \(output.stdout.prefix(500))")
        }
        return (cpython, poolplay)
    }
}

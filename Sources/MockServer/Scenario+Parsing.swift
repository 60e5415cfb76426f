import Foundation
import TrafficModels
import Yams

/// A scenario file that cannot be loaded: where, and why. Nothing of such a file is applied.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem has no line (an unreadable file).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

extension Scenario {
    /// Reads a scenario: a built-in name (``builtIn``) or a YAML file path.
    public static func load(_ nameOrPath: String) throws(ScenarioError) -> Scenario {
        if let text = builtInText[nameOrPath] { return try parse(text, file: "<built-in \(nameOrPath)>") }
        let text: String
        do {
            text = try String(contentsOfFile: nameOrPath, encoding: .utf8)
        } catch {
            throw ScenarioError(
                file: nameOrPath, line: 0,
                message: "cannot read the file (built-in scenarios: \(builtInNames.joined(separator: ", ")))")
        }
        return try parse(text, file: nameOrPath)
    }

    /// Parses scenario YAML:
    ///
    /// ```yaml
    /// name: brownout
    /// description: 30 s of 503s and slow answers, then recovery
    /// phases:
    ///   - at: 0s
    ///     latency: 200ms
    ///   - at: 30s
    ///     name: outage          # optional; shown in the log and the ledger
    ///     latency: 2s
    ///     fault: 503@0.5
    /// routes:
    ///   models: {latency: 0ms}
    /// ```
    ///
    /// Every knob is checked as it would be applied, so a bad file is rejected whole with `file:line`.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
        func fail(_ node: Node?, _ message: String) -> ScenarioError {
            ScenarioError(file: file, line: node?.mark?.line ?? 0, message: message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                throw ScenarioError(file: file, line: mark.line, message: "invalid YAML: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                throw ScenarioError(
                    file: file, line: context.mark.line,
                    message: "key given twice: \(duplicates.joined(separator: ", "))")
            default:
                throw ScenarioError(file: file, line: 0, message: "invalid YAML: \(error)")
            }
        } catch {
            throw ScenarioError(file: file, line: 0, message: "invalid YAML: \(error)")
        }
        guard let mapping = root?.mapping else {
            throw fail(root, "a scenario is a mapping with name, description, phases and routes")
        }
        var name: String?
        var description = ""
        var phases: [Phase] = []
        var routes: [String: [Knob]] = [:]
        for (key, value) in mapping {
            switch key.string {
            case "name":
                guard let text = value.string, !text.isEmpty else { throw fail(value, "'name' must be a string") }
                name = text
            case "description":
                guard let text = value.string else { throw fail(value, "'description' must be a string") }
                description = text
            case "phases":
                guard let items = value.sequence, !items.isEmpty else {
                    throw fail(value, "'phases' must be a list of phases, each with 'at: <duration>'")
                }
                for item in items { phases.append(try phase(item, fail: fail)) }
            case "routes":
                guard let routeMapping = value.mapping else {
                    throw fail(value, "'routes' must map route names (\(routeNames.joined(separator: ", "))) to knobs")
                }
                for (route, knobsNode) in routeMapping {
                    guard let routeName = route.string, routeNames.contains(routeName) else {
                        throw fail(
                            route, "unknown route '\(route.string ?? "?")'; routes are \(routeNames.joined(separator: ", "))")
                    }
                    let knobs = try knobList(knobsNode, fail: fail)
                    for knob in knobs where !MockServerConfiguration.perRequestKnobNames.contains(knob.name) {
                        throw ScenarioError(
                            file: file, line: knob.line,
                            message: "'\(knob.name)' cannot be set per route; a route may set "
                                + MockServerConfiguration.perRequestKnobNames.joined(separator: ", "))
                    }
                    routes[routeName] = knobs
                }
            default:
                throw fail(key, "unknown key '\(key.string ?? "?")'; expected name, description, phases or routes")
            }
        }
        guard let name else { throw ScenarioError(file: file, line: 1, message: "the scenario has no 'name:'") }
        if phases.isEmpty, routes.isEmpty {
            throw ScenarioError(file: file, line: 1, message: "the scenario has neither 'phases:' nor 'routes:'")
        }
        return Scenario(name: name, description: description, phases: phases, routes: routes)
    }

    private static func phase(_ node: Node, fail: (Node?, String) -> ScenarioError) throws(ScenarioError) -> Phase {
        guard let mapping = node.mapping else { throw fail(node, "a phase is a mapping such as {at: 30s, latency: 2s}") }
        var at: Duration?
        var name: String?
        var rest: [(Node, Node)] = []
        for (key, value) in mapping {
            switch key.string {
            case "at":
                guard let text = value.string, let parsed = DurationText.parse(text) else {
                    throw fail(value, "'at' must be a duration such as 0s or 30s, got '\(value.string ?? "?")'")
                }
                at = parsed
            case "name": name = value.string
            default: rest.append((key, value))
            }
        }
        guard let at else { throw fail(node, "the phase has no 'at: <duration>'") }
        let knobs = try knobList(Node.mapping(.init(rest)), fail: fail)
        return Phase(at: at, name: name, knobs: knobs)
    }

    /// `{knob: value, …}`, each checked against a scratch configuration.
    private static func knobList(_ node: Node, fail: (Node?, String) -> ScenarioError) throws(ScenarioError) -> [Knob] {
        guard let mapping = node.mapping else { throw fail(node, "expected knobs as 'name: value' pairs") }
        var knobs: [Knob] = []
        var scratch = MockServerConfiguration()
        for (key, value) in mapping {
            guard let name = key.string, let text = value.string else {
                throw fail(key, "expected 'knob: value', got '\(key.string ?? "?")'")
            }
            do {
                try scratch.apply(name, text)
            } catch {
                throw fail(key, error.message)
            }
            knobs.append(Knob(name.lowercased().replacingOccurrences(of: "-", with: "_"), text, line: key.mark?.line ?? 0))
        }
        return knobs
    }
}

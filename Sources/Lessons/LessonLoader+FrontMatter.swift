import Yams

extension LessonLoader {
    /// The YAML block between the opening and closing `---` lines of a lesson file.
    ///
    /// Keys: `id` (lower-case letters, digits, `-` and `_`), `title`, `summary`, optional `order`
    /// (an integer). Unknown keys are errors, so a typo (`sumary:`) is caught instead of ignored.
    struct FrontMatter: Decodable, Equatable {
        var id: String
        var title: String
        var summary: String
        var order: Int?
        /// The `server:` mapping, in file order (names are checked by the host, which knows the mock's knobs).
        var server: [ServerKnob] = []
        /// Index (0-based) of the first line after the closing `---`.
        var bodyStartIndex: Int = 0

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, summary, order
        }

        /// Extracts and decodes the front matter.
        ///
        /// - Parameters:
        ///   - lines: The file's lines.
        ///   - file: The file name for errors.
        /// - Returns: The decoded front matter, with ``bodyStartIndex`` set.
        /// - Throws: ``LessonLoadError`` located at the offending line.
        static func parse(lines: [String], file: String) throws -> FrontMatter {
            guard lines.first == "---" else {
                throw LessonLoadError(
                    file: file,
                    line: 1,
                    message: "a lesson file starts with a '---' line opening the YAML front matter"
                )
            }
            guard let closing = lines.indices.dropFirst().first(where: { lines[$0] == "---" || lines[$0] == "..." })
            else {
                throw LessonLoadError(
                    file: file,
                    line: 1,
                    message: "the front matter opened here is never closed by a '---' line"
                )
            }
            let yaml = lines[1..<closing].joined(separator: "\n")
            // Line n of `yaml` is line n + 1 of the file.
            func fail(_ yamlLine: Int?, _ message: String) -> LessonLoadError {
                LessonLoadError(file: file, line: (yamlLine ?? 0) + 1, message: message)
            }
            let root: Node?
            do {
                root = try Yams.compose(yaml: yaml)
            } catch let error as YamlError {
                switch error {
                case .scanner(_, let problem, let mark, _),
                    .parser(_, let problem, let mark, _),
                    .composer(_, let problem, let mark, _):
                    throw fail(mark.line, "invalid YAML in front matter: \(problem)")
                case .duplicatedKeysInMapping(let duplicates, let context):
                    let names = duplicates.joined(separator: ", ")
                    throw fail(context.mark.line, "front matter key given twice: \(names)")
                default:
                    throw fail(nil, "invalid YAML in front matter: \(error)")
                }
            }
            guard let mapping = root?.mapping else {
                throw fail(nil, "the front matter must be 'key: value' lines (id, title, summary, order)")
            }
            var keyLines: [String: Int] = [:]
            let known = Set(CodingKeys.allCases.map(\.rawValue) + ["server"])
            var server: [ServerKnob] = []
            for (key, value) in mapping {
                let name = key.string ?? "\(key)"
                let line = key.mark?.line
                guard known.contains(name) else {
                    throw fail(line, "unknown front matter key '\(name)'; expected id, title, summary, order or server")
                }
                keyLines[name] = line
                if name == "server" {
                    guard let knobs = value.mapping else {
                        throw fail(line, "'server:' holds mock knobs, one 'knob: value' line each (latency: 1s)")
                    }
                    for (knob, setting) in knobs {
                        guard let knobName = knob.string, let text = setting.scalar?.string, !text.isEmpty else {
                            throw fail(knob.mark?.line ?? line, "'server:' holds mock knobs, one 'knob: value' line each")
                        }
                        server.append(ServerKnob(name: knobName, value: text, line: (knob.mark?.line ?? 0) + 1))
                    }
                }
            }
            var decoded: FrontMatter
            do {
                decoded = try YAMLDecoder().decode(FrontMatter.self, from: yaml)
            } catch let DecodingError.keyNotFound(key, _) {
                throw fail(nil, "the front matter has no '\(key.stringValue):'")
            } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
                let key = context.codingPath.first?.stringValue ?? ""
                throw fail(keyLines[key], "front matter '\(key)': \(context.debugDescription)")
            } catch let DecodingError.valueNotFound(_, context) {
                let key = context.codingPath.first?.stringValue ?? ""
                throw fail(keyLines[key], "front matter '\(key)' has no value")
            } catch {
                throw fail(nil, "cannot read the front matter: \(error)")
            }
            let idIsValid =
                !decoded.id.isEmpty
                && decoded.id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
            guard idIsValid else {
                throw fail(keyLines["id"], "'id' must be lower-case letters, digits, '-' or '_' (got '\(decoded.id)')")
            }
            for (key, value) in [("title", decoded.title), ("summary", decoded.summary)]
            where value.trimmingWhitespace().isEmpty {
                throw fail(keyLines[key], "'\(key)' must not be empty")
            }
            decoded.server = server
            decoded.bodyStartIndex = closing + 1
            return decoded
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}

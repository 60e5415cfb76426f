import Foundation

/// A decoded JSON value from a compat script's single line of output (Sendable, unlike `Any`).
enum SDKCompatJSON: Sendable, Equatable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([SDKCompatJSON])
    case object([String: SDKCompatJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SDKCompatJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SDKCompatJSON].self))
        }
    }

    /// Parses one JSON document.
    static func parse(_ text: String) throws -> SDKCompatJSON {
        try JSONDecoder().decode(SDKCompatJSON.self, from: Data(text.utf8))
    }

    /// The member `key` of an object (`.null` when absent or not an object).
    subscript(key: String) -> SDKCompatJSON {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var int: Int? {
        if case .number(let value) = self, value == value.rounded() { return Int(value) }
        return nil
    }

    var double: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var array: [SDKCompatJSON] {
        if case .array(let values) = self { return values }
        return []
    }

    var strings: [String] { array.compactMap(\.string) }
    var ints: [Int] { array.compactMap(\.int) }

    /// An optional string list: `nil` entries (JSON null) become the text "nil".
    var stringsOrNil: [String] { array.map { $0.string ?? "nil" } }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[\(values.map(\.description).joined(separator: ", "))]"
        case .object(let members):
            "{\(members.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))}"
        }
    }
}

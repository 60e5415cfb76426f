import PoolScript

/// pydantic's dumps of openai's response objects (`openai/_models.py`, pydantic 2):
/// - `model_dump()` and `model_dump_json()` include every field; `to_dict()` and `to_json()` default to
///   `exclude_unset=True`, so fields the API did not send are left out.
/// - `model_dump_json()` is compact (`{"a":1,"b":null}`), `to_json()` is indented by 2; both keep non-ASCII
///   characters as they are (pydantic-core does not escape them), unlike `json.dumps`.
extension OpenAIModelObject {
    /// The methods this file adds, for `dir()` and "Did you mean".
    static let dumpMethods = ["model_dump", "model_dump_json", "to_dict", "to_json"]

    func dumpMethod(_ name: String) -> Value? {
        let flags = [
            Parameter("exclude_unset", kind: .keywordOnly, default: .bool(name.hasPrefix("to_"))),
            Parameter("exclude_none", kind: .keywordOnly, default: .bool(false)),
        ]
        switch name {
        case "model_dump", "to_dict":
            let extra = name == "to_dict" ? [Parameter("mode", kind: .keywordOnly, default: .str("python"))] : []
            return pyMethod(typeName, name) { [self] arguments in
                let bound = try arguments.bind("\(typeName).\(name)", flags + extra)
                return dump(excludeUnset: bound["exclude_unset"].isTruthy, excludeNone: bound["exclude_none"].isTruthy)
            }
        case "model_dump_json", "to_json":
            let indent: Value = name == "to_json" ? .int(2) : .none
            return pyMethod(typeName, name) { [self] arguments in
                let bound = try arguments.bind(
                    "\(typeName).\(name)", [Parameter("indent", kind: .keywordOnly, default: indent)] + flags)
                let value = dump(excludeUnset: bound["exclude_unset"].isTruthy, excludeNone: bound["exclude_none"].isTruthy)
                let width: Int?
                switch bound["indent"] {
                case .int(let n): width = n
                default: width = nil
                }
                return .str(try Self.pydanticJSON(value, indent: width, level: 0))
            }
        default: return nil
        }
    }

    /// The object as nested dicts and lists.
    func dump(excludeUnset: Bool, excludeNone: Bool) -> Value {
        func convert(_ v: Value) -> Value {
            switch v {
            case .object(let o):
                (o as? OpenAIModelObject)?.dump(excludeUnset: excludeUnset, excludeNone: excludeNone) ?? v
            case .list(let l): .list(PyList(l.items.map(convert)))
            default: v
            }
        }
        let kept = fields.filter { field in
            if excludeUnset && !setFields.contains(field.name) { return false }
            if excludeNone, case .none = field.value { return false }
            return true
        }
        return .dict(PyDict(kept.map { (.str($0.name), convert($0.value)) }))
    }

    /// pydantic-core's JSON: `,` and `:` without spaces when compact; with `indent`, one item a line.
    static func pydanticJSON(_ value: Value, indent: Int?, level: Int) throws -> String {
        let items: [(key: String?, value: Value)]
        let open: String
        let close: String
        switch value {
        case .dict(let dict):
            items = try dict.pairs.map { pair in
                guard case .str(let key) = pair.key else { throw PythonError.typeError("keys must be str") }
                return (key, pair.value)
            }
            (open, close) = ("{", "}")
        case .list(let list):
            items = list.items.map { (nil, $0) }
            (open, close) = ("[", "]")
        case .tuple(let values):
            items = values.map { (nil, $0) }
            (open, close) = ("[", "]")
        case .str(let s):
            return rawQuote(s)
        default:
            return try JSON.serialize(value)
        }
        if items.isEmpty { return open + close }
        let rendered = try items.map { item -> String in
            let key = item.key.map { rawQuote($0) + (indent == nil ? ":" : ": ") } ?? ""
            return key + (try pydanticJSON(item.value, indent: indent, level: level + 1))
        }
        guard let indent else { return open + rendered.joined(separator: ",") + close }
        let inner = String(repeating: " ", count: indent * (level + 1))
        let outer = String(repeating: " ", count: indent * level)
        return open + "\n" + rendered.map { inner + $0 }.joined(separator: ",\n") + "\n" + outer + close
    }

    /// A JSON string that keeps non-ASCII characters unescaped.
    static func rawQuote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            if scalar.value > 0x7e {
                out.unicodeScalars.append(scalar)
            } else {
                out += JSON.quote(String(scalar)).dropFirst().dropLast()
            }
        }
        return out + "\""
    }
}

/// `dict.keys()`, `.values()`, `.items()`: live views of a dict.
final class DictView: PyObject {
    enum Kind: String { case keys, values, items }
    let dict: PyDict
    let kind: Kind
    init(_ dict: PyDict, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }
    var pyTypeName: String { "dict_" + kind.rawValue }
    func pyRepr() -> String { "dict_\(kind.rawValue)(\(Value.list(PyList((try? iterate()) ?? [])).repr()))" }
    func iterate() throws -> [Value] {
        switch kind {
        case .keys: return dict.pairs.map(\.key)
        case .values: return dict.pairs.map(\.value)
        case .items: return dict.pairs.map { .tuple([$0.key, $0.value]) }
        }
    }
    func length() throws -> Int { dict.count }
}

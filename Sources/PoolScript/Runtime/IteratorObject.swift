/// The result of `enumerate`, `zip`, `map`, `filter`, `reversed`: iterable once, like Python's iterators.
final class IteratorObject: PyObject {
    let typeName: String
    var items: [Value]
    init(_ typeName: String, _ items: [Value]) {
        self.typeName = typeName
        self.items = items
    }
    var pyTypeName: String { typeName }
    func pyRepr() -> String { "<\(typeName) object at \(fakeAddress(self))>" }
    func iterate() throws -> [Value] {
        defer { items = [] }
        return items
    }
}

/// The result of `enumerate`, `zip`, `map`, `filter`, `reversed`, `iter(list)`: iterable once, like Python's
/// iterators. A `for` loop takes one item at a time (``PyBlockingIterable``), so what a `break` leaves is still
/// there for the next loop or `next()`.
final class IteratorObject: PyObject, PyBlockingIterable, PyBlockingIterator {
    let typeName: String
    private var storage: [Value]
    private var head = 0
    init(_ typeName: String, _ items: [Value]) {
        self.typeName = typeName
        self.storage = items
    }
    /// The items not taken yet.
    var items: ArraySlice<Value> { storage[head...] }
    var pyTypeName: String { typeName }
    func pyRepr() -> String { "<\(typeName) object at \(fakeAddress(self))>" }
    func iterate() throws -> [Value] {
        defer { storage = []; head = 0 }
        return Array(storage[head...])
    }
    /// The next item, or nil when exhausted (`next(it)`).
    func take() -> Value? {
        guard head < storage.count else { return nil }
        defer { head += 1 }
        return storage[head]
    }
    func makeBlockingIterator() throws -> any PyBlockingIterator { self }
    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value? { take() }
}

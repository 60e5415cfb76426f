/// `range(start, stop, step)`: lazy in `for` loops, materialized only on demand.
final class RangeObject: PyObject {
    let start: Int, stop: Int, step: Int
    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    /// The number of items; ranges wider than `Int.max` count as `Int.max` (a size check then fails).
    var count: Int {
        if step > 0 {
            guard stop > start else { return 0 }
            let span = stop.subtractingReportingOverflow(start)
            return span.overflow ? Int.max : (span.partialValue - 1) / step + 1
        }
        guard start > stop else { return 0 }
        let span = start.subtractingReportingOverflow(stop)
        if span.overflow || step == .min { return span.overflow ? Int.max : 1 }
        return (span.partialValue - 1) / (-step) + 1
    }
    subscript(i: Int) -> Int { start + i * step }
    var pyTypeName: String { "range" }
    func pyRepr() -> String { step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))" }
    func length() throws -> Int { count }
    func iterate() throws -> [Value] { (0..<count).map { .int(self[$0]) } }
    func pyEquals(_ other: Value) -> Bool {
        guard case .object(let o) = other, let r = o as? RangeObject else { return false }
        if count != r.count { return false }
        if count == 0 { return true }
        return start == r.start && (count == 1 || step == r.step)
    }
    func getItem(_ key: Value) throws -> Value {
        if case .object(let slice as SliceObject) = key {
            // CPython: the slice's indices over this range's length, mapped through the range.
            let (s, e, st) = try slice.adjusted(length: count)
            let newStep = step.multipliedReportingOverflow(by: st)
            guard !newStep.overflow else { throw PythonError(.overflowError, "Python int too large to convert to C ssize_t") }
            return .object(
                RangeObject(start: start &+ s &* step, stop: start &+ e &* step, step: newStep.partialValue)
            )
        }
        if key.isBigInt { throw PythonError.indexError("range object index out of range") }
        guard case .int(var i) = key else {
            throw PythonError.typeError("range indices must be integers or slices, not \(key.typeName)")
        }
        if i < 0 { i += count }
        guard i >= 0 && i < count else { throw PythonError.indexError("range object index out of range") }
        return .int(self[i])
    }
}

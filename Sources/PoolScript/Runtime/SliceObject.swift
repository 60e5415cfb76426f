/// A slice `a:b:c` inside a subscript.
final class SliceObject: PyObject {
    let lower: Value, upper: Value, step: Value
    init(lower: Value, upper: Value, step: Value) {
        self.lower = lower
        self.upper = upper
        self.step = step
    }
    var pyTypeName: String { "slice" }
    func pyRepr() -> String { "slice(\(lower.repr()), \(upper.repr()), \(step.repr()))" }

    /// The selected indices of a sequence of `length` items (CPython's `PySlice_AdjustIndices`).
    func indices(length: Int) throws -> [Int] {
        let (start, stop, step) = try adjusted(length: length)
        var result: [Int] = []
        var i = start
        while step > 0 ? i < stop : i > stop {
            result.append(i)
            let next = i.addingReportingOverflow(step)
            if next.overflow { break }
            i = next.partialValue
        }
        return result
    }

    /// Start, stop and step clamped to a sequence of `length` items, as `slice.indices(length)` returns them.
    func adjusted(length: Int) throws -> (start: Int, stop: Int, step: Int) {
        func int(_ v: Value) throws -> Int? {
            switch v {
            case .none: return nil
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            case .object(let o as BigIntObject): return o.value.sign == .minus ? Int.min + 1 : Int.max
            default:
                throw PythonError.typeError("slice indices must be integers or None or have an __index__ method")
            }
        }
        let step = try int(self.step) ?? 1
        guard step != 0 else { throw PythonError.valueError("slice step cannot be zero") }
        var start: Int
        var stop: Int
        if let s = try int(lower) {
            start = s < 0 ? max(s + length, step < 0 ? -1 : 0) : min(s, step < 0 ? length - 1 : length)
        } else {
            start = step < 0 ? length - 1 : 0
        }
        if let s = try int(upper) {
            stop = s < 0 ? max(s + length, step < 0 ? -1 : 0) : min(s, step < 0 ? length - 1 : length)
        } else {
            stop = step < 0 ? -1 : length
        }
        return (start, stop, step)
    }
}

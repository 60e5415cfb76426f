import BigInt

/// Builtins over iterables: `sum`, `min`, `max`, `sorted`, `abs`, `round`, `enumerate`, `zip`, `reversed`,
/// `map`, `filter`, `any`, `all`.
extension Interpreter {
    func installIterationBuiltins() {
        let function = defineFunction
        let type = defineType
        function("sum") { i, a, f in
            let b = try a.bind("sum", [Parameter("iterable"), Parameter("start", default: .int(0))])
            var total = b["start"]
            if case .str = total { throw PythonError.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            let items = try await i.makeIterator(b["iterable"], f)
            while let item = try await items.next(i, f) {
                try i.tick()
                total = try await i.binaryOpAsync(.add, total, item, f)
            }
            return total
        }
        function("min") { i, a, f in try await i.extreme("min", a, f, op: .lt) }
        function("max") { i, a, f in try await i.extreme("max", a, f, op: .gt) }
        function("sorted") { i, a, f in
            let b = try a.bind(
                "sorted",
                [
                    Parameter("iterable"), Parameter("key", kind: .keywordOnly, default: Value.none),
                    Parameter("reverse", kind: .keywordOnly, default: .bool(false)),
                ]
            )
            let items = try await i.iterateAsync(b["iterable"], f)
            return .list(PyList(try await i.sortValues(items, key: b["key"], reverse: b["reverse"].isTruthy, f)))
        }
        function("abs") { _, a, _ in
            let v = try a.bind("abs", [Parameter("x")])["x"]
            switch v {
            case .int(let n):
                if n == .min { return .integer(-BigInt(n)) }
                return .int(abs(n))
            case .object(let o as BigIntObject): return .integer(abs(o.value))
            case .bool(let t): return .int(t ? 1 : 0)
            case .float(let d): return .float(abs(d))
            default: throw PythonError.typeError("bad operand type for abs(): '\(v.typeName)'")
            }
        }
        function("round") { i, a, _ in
            let b = try a.bind("round", [Parameter("number"), Parameter("ndigits", default: Value.none)])
            return try i.round(b["number"], b["ndigits"])
        }
        type("enumerate") { i, a, f in
            let b = try a.bind("enumerate", [Parameter("iterable"), Parameter("start", default: .int(0))])
            guard case .int(let start) = b["start"] else {
                throw PythonError.typeError("'\(b["start"].typeName)' object cannot be interpreted as an integer")
            }
            if i.isLazyIterable(b["iterable"]) {
                let items = try await i.makeIterator(b["iterable"], f)
                return i.lazyBuiltin("enumerate", f) { core, frame in
                    var n = BigInt(start)
                    while let item = try await items.next(i, frame) {
                        _ = try await core.suspend(yielding: .tuple([.integer(n), item]))
                        n += 1
                    }
                }
            }
            let items = try await i.iterateAsync(b["iterable"], f).enumerated().map { pair -> Value in
                let n = pair.offset.addingReportingOverflow(start)
                if n.overflow { return Value.tuple([.integer(BigInt(pair.offset) + BigInt(start)), pair.element]) }
                return Value.tuple([.int(n.partialValue), pair.element])
            }
            return .object(IteratorObject("enumerate", items))
        }
        type("zip") { i, a, f in
            let b = try a.bind(
                "zip",
                [
                    Parameter("iterables", kind: .varPositional),
                    Parameter("strict", kind: .keywordOnly, default: .bool(false)),
                ]
            )
            if b.extraPositional.contains(where: i.isLazyIterable) {
                var iterators: [ValueIterator] = []
                for v in b.extraPositional { iterators.append(try await i.makeIterator(v, f)) }
                let strict = b["strict"].isTruthy
                return i.lazyBuiltin("zip", f) { core, frame in
                    guard !iterators.isEmpty else { return }
                    while true {
                        var items: [Value] = []
                        for (k, iterator) in iterators.enumerated() {
                            guard let item = try await iterator.next(i, frame) else {
                                guard strict else { return }
                                // `zip(strict=True)` (`Python/bltinmodule.c`, zip_next): which argument ran short.
                                func plural(_ j: Int) -> String { j > 1 ? "s 1-\(j)" : " 1" }
                                if k > 0 { throw PythonError.valueError("zip() argument \(k + 1) is shorter than argument\(plural(k))") }
                                for (j, other) in iterators.enumerated().dropFirst() {
                                    if try await other.next(i, frame) != nil {
                                        throw PythonError.valueError("zip() argument \(j + 1) is longer than argument\(plural(j))")
                                    }
                                }
                                return
                            }
                            items.append(item)
                        }
                        _ = try await core.suspend(yielding: .tuple(items))
                    }
                }
            }
            // Lazy user iterators (itertools.count) give only as many items as the shortest other argument.
            var walks: [UserIteration?] = []
            for v in b.extraPositional { walks.append(try await i.userIteration(v, f)) }
            var finite: [Int: [Value]] = [:]
            for (k, v) in b.extraPositional.enumerated() {
                switch walks[k] {
                case .lazy?: continue
                case .stream(let iterator)?:
                    var items: [Value] = []
                    while let item = try await iterator.next(f.context) {
                        try i.tick()
                        items.append(item)
                    }
                    finite[k] = items
                case .items(let items)?: finite[k] = items
                case nil: finite[k] = try await i.iterateAsync(v, f)
                }
            }
            let bound = finite.values.map(\.count).min()
            var lists: [[Value]] = []
            for k in b.extraPositional.indices {
                if let items = finite[k] {
                    lists.append(items)
                    continue
                }
                guard case .lazy(let iterator)? = walks[k] else { continue }
                var items: [Value] = []
                while bound.map({ items.count < $0 }) ?? true {
                    try i.tick()
                    do {
                        items.append(try await i.callDunder(iterator, "__next__", [], f) ?? .none)
                    } catch let e as PythonError where e.type.isSubclass(of: .stopIteration) {
                        break
                    }
                }
                lists.append(items)
            }
            let n = lists.map(\.count).min() ?? 0
            if b["strict"].isTruthy, Set(lists.map(\.count)).count > 1 {
                throw PythonError.valueError("zip() arguments have different lengths")
            }
            return .object(IteratorObject("zip", (0..<n).map { k in .tuple(lists.map { $0[k] }) }))
        }
        type("reversed") { i, a, _ in
            let v = try a.bind("reversed", [Parameter("sequence")])["sequence"]
            // CPython 3.11's iterator types: `list_reverseiterator`, `range_iterator`, `dict_reversekeyiterator`
            // (dicts are reversible since 3.8), and the generic `reversed` for tuples and strings.
            let name: String
            switch v {
            case .list: name = "list_reverseiterator"
            case .dict: name = "dict_reversekeyiterator"
            case .object(let o) where o is RangeObject: name = "range_iterator"
            default: name = "reversed"
            }
            return .object(IteratorObject(name, try i.iterate(v).reversed()))
        }
        type("map") { i, a, f in
            guard a.positional.count >= 2 else {
                throw PythonError.typeError("map() must have at least two arguments.")
            }
            let fn = a.positional[0]
            if a.positional.dropFirst().contains(where: i.isLazyIterable) {
                var iterators: [ValueIterator] = []
                for v in a.positional.dropFirst() { iterators.append(try await i.makeIterator(v, f)) }
                return i.lazyBuiltin("map", f) { core, frame in
                    while true {
                        var items: [Value] = []
                        for iterator in iterators {
                            guard let item = try await iterator.next(i, frame) else { return }
                            items.append(item)
                        }
                        _ = try await core.suspend(yielding: try await i.call(fn, Arguments(positional: items), frame))
                    }
                }
            }
            var lists: [[Value]] = []
            for v in a.positional.dropFirst() { lists.append(try await i.iterateAsync(v, f)) }
            let n = lists.map(\.count).min() ?? 0
            var out: [Value] = []
            for k in 0..<n { out.append(try await i.call(fn, Arguments(positional: lists.map { $0[k] }), f)) }
            return .object(IteratorObject("map", out))
        }
        type("filter") { i, a, f in
            let b = try a.bind("filter", [Parameter("function"), Parameter("iterable")])
            if i.isLazyIterable(b["iterable"]) {
                let items = try await i.makeIterator(b["iterable"], f)
                let fn = b["function"]
                return i.lazyBuiltin("filter", f) { core, frame in
                    while let item = try await items.next(i, frame) {
                        let keep: Bool
                        if case .none = fn {
                            keep = try await i.truthy(item, frame)
                        } else {
                            keep = try await i.truthy(try await i.call(fn, Arguments(positional: [item]), frame), frame)
                        }
                        if keep { _ = try await core.suspend(yielding: item) }
                    }
                }
            }
            var out: [Value] = []
            for item in try await i.iterateAsync(b["iterable"], f) {
                let keep: Bool
                if case .none = b["function"] {
                    keep = try await i.truthy(item, f)
                } else {
                    keep = try await i.truthy(try await i.call(b["function"], Arguments(positional: [item]), f), f)
                }
                if keep { out.append(item) }
            }
            return .object(IteratorObject("filter", out))
        }
        function("any") { i, a, f in
            let items = try await i.makeIterator(try a.bind("any", [Parameter("iterable")])["iterable"], f)
            while let item = try await items.next(i, f) {
                if try await i.truthy(item, f) { return .bool(true) }
            }
            return .bool(false)
        }
        function("all") { i, a, f in
            let items = try await i.makeIterator(try a.bind("all", [Parameter("iterable")])["iterable"], f)
            while let item = try await items.next(i, f) {
                if !(try await i.truthy(item, f)) { return .bool(false) }
            }
            return .bool(true)
        }
    }
}

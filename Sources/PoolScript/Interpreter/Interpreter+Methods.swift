/// Methods of the builtin types (`"a".upper()`, `xs.append(1)`, `d.items()`), bound to their receiver.
extension Interpreter {
    func builtinMethodNames(_ v: Value) -> [String] {
        switch v {
        case .str:
            return [
                "capitalize", "count", "encode", "endswith", "find", "format", "index", "isdigit", "isalpha",
                "join", "lower", "lstrip", "replace", "rfind", "rsplit", "rstrip", "split", "splitlines",
                "startswith", "strip", "title", "upper", "zfill", "removeprefix", "removesuffix", "isspace", "swapcase", "isnumeric", "isdecimal", "isalnum",
                "center", "ljust", "rjust", "isupper", "islower", "partition", "rpartition",
            ]
        case .list:
            return [
                "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort",
            ]
        case .dict:
            return ["clear", "copy", "get", "items", "keys", "pop", "setdefault", "update", "values"]
        case .tuple: return ["count", "index"]
        case .bytes: return ["decode", "hex", "startswith", "endswith"]
        case .float: return ["is_integer", "real", "imag"]
        case .int, .bool: return ["bit_length", "real", "imag"]
        case .none, .object: return []
        }
    }

    func builtinMethod(_ receiver: Value, _ name: String) -> InterpBuiltin? {
        guard builtinMethodNames(receiver).contains(name) else { return nil }
        let owner = "\(receiver.typeName) object at \(receiverAddress(receiver))"
        return InterpBuiltin(name, receiver: owner) { i, a, f in
            var a = a
            if case .str = receiver, name == "format" {
                // str.format runs synchronously: user instances come with their str/repr computed.
                for k in a.positional.indices { a.positional[k] = try await i.preformatted(a.positional[k], f) }
                for k in a.keywords.indices { a.keywords[k].value = try await i.preformatted(a.keywords[k].value, f) }
            }
            // Methods that iterate their argument synchronously get a user iterable's items first.
            if ["join", "extend", "update", "union", "issubset"].contains(name), a.positional.count == 1,
                i.userClass(of: a.positional[0]) != nil
            {
                a.positional[0] = .list(PyList(try await i.iterateAsync(a.positional[0], f)))
            }
            return try await i.callMethod(receiver, name, a, f)
        }
    }

    private func receiverAddress(_ v: Value) -> String {
        switch v {
        case .list(let l): return fakeAddress(l)
        case .dict(let d): return fakeAddress(d)
        default: return "0x0"
        }
    }

    nonisolated(nonsending) private func callMethod(_ receiver: Value, _ name: String, _ a: Arguments, _ f: Frame)
        async throws -> Value
    {
        func one(_ p: String, _ d: Value? = nil) throws -> Value { try a.bind(name, [Parameter(p, default: d)])[p] }
        func none() throws { _ = try a.bind(name, []) }
        func string(_ v: Value, _ what: String) throws -> String {
            guard case .str(let s) = v else {
                throw PythonError.typeError("\(what) must be str, not \(v.typeName)")
            }
            return s
        }
        switch receiver {
        case .str(let s):
            if let value = try await strMethod(s, name, a, f) { return value }
        case .list(let l):
            switch name {
            case "append":
                let v = try one("object")
                try checkSize(l.items.count + 1)
                l.items.append(v)
                return .none
            case "extend":
                let extra = try iterate(try one("iterable"))
                try checkSize(l.items.count + extra.count)
                l.items += extra
                return .none
            case "insert":
                let b = try a.bind(name, [Parameter("index"), Parameter("object")])
                var i = b["index"].intValue
                if i < 0 { i = max(0, i + l.items.count) }
                l.items.insert(b["object"], at: min(i, l.items.count))
                return .none
            case "pop":
                guard !l.items.isEmpty else { throw PythonError.indexError("pop from empty list") }
                let i = try normalizeIndex(try one("index", .int(-1)), count: l.items.count, what: "pop")
                return l.items.remove(at: i)
            case "remove":
                let v = try one("value")
                guard let i = l.items.firstIndex(where: { $0 == v }) else {
                    throw PythonError.valueError("list.remove(x): x not in list")
                }
                l.items.remove(at: i)
                return .none
            case "index":
                let v = try one("value")
                guard let i = l.items.firstIndex(where: { $0 == v }) else {
                    throw PythonError.valueError("\(v.repr()) is not in list")
                }
                return .int(i)
            case "count":
                let v = try one("value")
                return .int(l.items.filter { $0 == v }.count)
            case "clear":
                try none()
                l.items = []
                return .none
            case "copy":
                try none()
                return .list(PyList(l.items))
            case "reverse":
                try none()
                l.items.reverse()
                return .none
            case "sort":
                let b = try a.bind(
                    name,
                    [
                        Parameter("key", kind: .keywordOnly, default: Value.none),
                        Parameter("reverse", kind: .keywordOnly, default: .bool(false)),
                    ]
                )
                l.items = try await sortValues(l.items, key: b["key"], reverse: b["reverse"].isTruthy, f)
                return .none
            default: break
            }
        case .dict(let d):
            switch name {
            case "get":
                let b = try a.bind(name, [Parameter("key"), Parameter("default", default: Value.none)])
                return try d.get(b["key"]) ?? b["default"]
            case "keys":
                try none()
                return .object(DictView(d, .keys))
            case "values":
                try none()
                return .object(DictView(d, .values))
            case "items":
                try none()
                return .object(DictView(d, .items))
            case "pop":
                let b = try a.bind(name, [Parameter("key"), Parameter("default", optional: true)])
                if let v = try d.remove(b["key"]) { return v }
                if b.isGiven("default") { return b["default"] }
                throw PythonError.keyError(b["key"])
            case "setdefault":
                let b = try a.bind(name, [Parameter("key"), Parameter("default", default: Value.none)])
                if let v = try d.get(b["key"]) { return v }
                try d.set(b["key"], b["default"])
                return b["default"]
            case "update":
                let b = try a.bind(
                    name,
                    [Parameter("other", default: Value.none), Parameter("kwargs", kind: .varKeyword)]
                )
                switch b["other"] {
                case .none: break
                case .dict(let o): for (k, v) in o.pairs { try d.set(k, v) }
                case let other:
                    for item in try iterate(other) {
                        let pair = try iterate(item)
                        guard pair.count == 2 else {
                            throw PythonError.valueError(
                                "dictionary update sequence element has length \(pair.count); 2 is required"
                            )
                        }
                        try d.set(pair[0], pair[1])
                    }
                }
                for (k, v) in b.extraKeywords { try d.set(.str(k), v) }
                return .none
            case "clear":
                try none()
                d.removeAll()
                return .none
            case "copy":
                try none()
                return .dict(PyDict(d.pairs.map { ($0.key, $0.value) }))
            default: break
            }
        case .tuple(let t):
            let v = try one("value")
            if name == "count" { return .int(t.filter { $0 == v }.count) }
            guard let i = t.firstIndex(where: { $0 == v }) else {
                throw PythonError.valueError("tuple.index(x): x not in tuple")
            }
            return .int(i)
        case .bytes(let bytes):
            switch name {
            case "decode":
                _ = try a.bind(
                    name,
                    [Parameter("encoding", default: .str("utf-8")), Parameter("errors", default: .str("strict"))]
                )
                return .str(String(decoding: bytes, as: UTF8.self))
            case "hex":
                try none()
                return .str(bytes.map { hex(UInt32($0), width: 2) }.joined())
            case "startswith", "endswith":
                guard case .bytes(let p) = try one("prefix") else { throw PythonError.typeError("expected bytes") }
                return .bool(name == "startswith" ? bytes.starts(with: p) : bytes.reversed().starts(with: p.reversed()))
            default: break
            }
        case .float(let d):
            if name == "is_integer" {
                try none()
                return .bool(d.rounded() == d)
            }
        case .int(let n):
            if name == "bit_length" {
                try none()
                return .int(Int.bitWidth - n.magnitude.leadingZeroBitCount)
            }
        case .bool, .none, .object: break
        }
        throw PythonError.attributeError("'\(receiver.typeName)' object has no attribute '\(name)'")
    }
}

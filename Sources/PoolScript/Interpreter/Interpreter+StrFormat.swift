/// `str.format` and the string splitting it and `str.split` share.
extension Interpreter {
    /// `"{} {name} {0!r:>4}".format(...)`.
    func strFormat(_ template: String, _ a: Arguments) throws -> String {
        var auto = 0
        return try strFormat(template, a, auto: &auto, depth: 0)
    }

    /// One level of `str.format`; a format spec may hold replacement fields of its own (`{:>{width}}`), which
    /// share the automatic numbering, one level deep as in CPython ("Max string recursion exceeded").
    private func strFormat(_ template: String, _ a: Arguments, auto: inout Int, depth: Int) throws -> String {
        guard depth < 2 else { throw PythonError.valueError("Max string recursion exceeded") }
        var out = ""
        let chars = Array(template)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" {
                    out.append("{")
                    i += 2
                    continue
                }
                var close = i + 1
                var level = 1
                while close < chars.count {
                    if chars[close] == "{" { level += 1 }
                    if chars[close] == "}" {
                        level -= 1
                        if level == 0 { break }
                    }
                    close += 1
                }
                guard close < chars.count else {
                    throw PythonError.valueError(
                        level > 1 ? "unmatched '{' in format spec" : "Single '{' encountered in format string")
                }
                var field = String(chars[(i + 1)..<close])
                i = close + 1
                var spec = ""
                if let colon = field.firstIndex(of: ":") {
                    spec = String(field[field.index(after: colon)...])
                    field = String(field[..<colon])
                }
                var conversion: Character?
                if let bang = field.firstIndex(of: "!") {
                    conversion = field[field.index(after: bang)...].first
                    field = String(field[..<bang])
                }
                // `name`, then any of `.attribute` and `[index]` (an index of digits is an int, anything else a str).
                let headEnd = field.firstIndex { $0 == "." || $0 == "[" } ?? field.endIndex
                let head = String(field[..<headEnd])
                var accessors: [(isIndex: Bool, key: String)] = []
                var rest = field[headEnd...]
                while let first = rest.first {
                    rest = rest.dropFirst()
                    if first == "[" {
                        guard let close = rest.firstIndex(of: "]") else {
                            throw PythonError.valueError("Missing ']' in format string")
                        }
                        accessors.append((true, String(rest[..<close])))
                        rest = rest[rest.index(after: close)...]
                    } else {
                        let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                        accessors.append((false, String(rest[..<end])))
                        rest = rest[end...]
                    }
                }
                var value: Value
                if head.isEmpty {
                    guard auto < a.positional.count else {
                        throw PythonError.indexError("Replacement index \(auto) out of range for positional args tuple")
                    }
                    value = a.positional[auto]
                    auto += 1
                } else if let n = Int(head) {
                    guard n < a.positional.count else {
                        throw PythonError.indexError("Replacement index \(n) out of range for positional args tuple")
                    }
                    value = a.positional[n]
                } else {
                    guard let v = a.keyword(head) else { throw PythonError.keyError(.str(head)) }
                    value = v
                }
                for accessor in accessors {
                    if accessor.isIndex {
                        let key: Value = Int(accessor.key).map(Value.int) ?? .str(accessor.key)
                        value = try getItem(value, key)
                    } else {
                        value = try getAttribute(value, accessor.key)
                    }
                }
                switch conversion {
                case "r": value = .str(value.repr())
                case "s": value = .str(value.str())
                default: break
                }
                // The field's own value is numbered before the fields nested in its spec.
                if spec.contains("{") { spec = try strFormat(spec, a, auto: &auto, depth: depth + 1) }
                out += try format(value, spec: spec)
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" {
                    out.append("}")
                    i += 2
                    continue
                }
                throw PythonError.valueError("Single '}' encountered in format string")
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}

extension String {
    /// Splits on every occurrence of `separator` (like Python's `str.split(sep)`).
    func components(separatedBy separator: String) -> [String] {
        let hay = Array(unicodeScalars)
        let needle = Array(separator.unicodeScalars)
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var i = 0
        while i < hay.count {
            if i + needle.count <= hay.count, Array(hay[i..<(i + needle.count)]) == needle {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                i += needle.count
            } else {
                current.append(hay[i])
                i += 1
            }
        }
        parts.append(String(current))
        return parts
    }
}

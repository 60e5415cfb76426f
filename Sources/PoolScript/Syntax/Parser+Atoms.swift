import BigInt

/// Atoms: names, numbers, brackets, displays, string literals and f-strings.
extension Parser {
    mutating func parseAtom() throws -> Expr {
        let t = current
        switch t.kind {
        case .name:
            switch t.text {
            case "None":
                index += 1
                return Expr(.none, t.start)
            case "True":
                index += 1
                return Expr(.bool(true), t.start)
            case "False":
                index += 1
                return Expr(.bool(false), t.start)
            case "yield": throw invalidSyntax()
            default:
                guard !pythonKeywords.contains(t.text) else { throw invalidSyntax() }
                index += 1
                return Expr(.name(t.text), t.start)
            }
        case .int(let v):
            index += 1
            return Expr(.int(v), t.start)
        case .bigInt(let v):
            index += 1
            return Expr(.bigInt(v), t.start)
        case .float(let v):
            index += 1
            return Expr(.float(v), t.start)
        case .string, .bytes, .fstring: return try parseStrings()
        case .op:
            switch t.text {
            case "(":
                index += 1
                if acceptOp(")") { return Expr(.tuple([]), t.start) }
                if current.isKeyword("yield") {
                    let e = try parseYield()
                    try expectOp(")")
                    return e
                }
                let first = try parseStarOr { try $0.parseNamedTest() }
                if startsComprehension {
                    let comp = try parseComprehensionTail(first, generator: true)
                    try expectOp(")")
                    return comp
                }
                guard current.isOp(",") else {
                    try expectOp(")")
                    return first
                }
                var items = [first]
                while acceptOp(",") {
                    if current.isOp(")") { break }
                    items.append(try parseStarOr { try $0.parseNamedTest() })
                }
                if !current.isOp(")") && startsExpression(current) && current.kind != .op {
                    throw error(
                        "invalid syntax. Perhaps you forgot a comma?",
                        at: items.last!.location,
                        end: current.end
                    )
                }
                try expectOp(")")
                return Expr(.tuple(items), t.start)
            case "[":
                index += 1
                var items: [Expr] = []
                while !current.isOp("]") {
                    let item = try parseStarOr { try $0.parseNamedTest() }
                    if items.isEmpty && startsComprehension {
                        let comp = try parseComprehensionTail(item)
                        try expectOp("]")
                        return comp
                    }
                    items.append(item)
                    if !acceptOp(",") {
                        if !current.isOp("]") && startsExpression(current) && current.kind != .op {
                            throw error(
                                "invalid syntax. Perhaps you forgot a comma?",
                                at: item.location,
                                end: current.end
                            )
                        }
                        break
                    }
                }
                try expectOp("]")
                return Expr(.list(items), t.start)
            case "{":
                index += 1
                var entries: [(Expr?, Expr)] = []
                while !current.isOp("}") {
                    if acceptOp("**") {
                        entries.append((nil, try parseBitOr()))
                    } else {
                        let key = try parseStarOr { try $0.parseTest() }
                        guard current.isOp(":") else {
                            // Once the display is a dict, a bare element is CPython's syntax error.
                            if !entries.isEmpty { throw error("':' expected after dictionary key", at: key.location) }
                            return try parseSetDisplay(first: key, start: t.start)
                        }
                        index += 1
                        let value = try parseTest()
                        if entries.isEmpty && startsComprehension {
                            let comp = try parseComprehensionTail(value)
                            try expectOp("}")
                            guard case .listComp(_, let clauses) = comp.kind else { throw invalidSyntax() }
                            return Expr(.dictComp(key: key, value: value, clauses), t.start)
                        }
                        entries.append((key, value))
                    }
                    if !acceptOp(",") { break }
                }
                try expectOp("}")
                return Expr(.dict(entries), t.start)
            case "...":
                index += 1
                return Expr(.ellipsis, t.start)
            default:
                throw invalidSyntax()
            }
        case .newline, .eof:
            throw invalidSyntax()
        case .indent, .dedent:
            throw invalidSyntax()
        }
    }

    /// The rest of `{a, b}` or `{x for x in y}` after its first element.
    mutating func parseSetDisplay(first: Expr, start: SourceLocation) throws -> Expr {
        if startsComprehension {
            let comp = try parseComprehensionTail(first)
            try expectOp("}")
            guard case .listComp(let element, let clauses) = comp.kind else { throw invalidSyntax() }
            return Expr(.setComp(element, clauses), start)
        }
        var items = [first]
        while acceptOp(",") {
            if current.isOp("}") { break }
            items.append(try parseStarOr { try $0.parseNamedTest() })
        }
        try expectOp("}")
        return Expr(.set(items), start)
    }

    /// Adjacent literals concatenate; bytes cannot mix with str.
    mutating func parseStrings() throws -> Expr {
        let start = current.start
        var parts: [FStringPart] = []
        var bytes: [UInt8]?
        var sawText = false
        var sawF = false
        while true {
            let t = current
            switch t.kind {
            case .string(let s):
                if bytes != nil { throw error("cannot mix bytes and nonbytes literals", at: start) }
                parts.append(.literal(s))
                sawText = true
            case .fstring(let body, let raw):
                if bytes != nil { throw error("cannot mix bytes and nonbytes literals", at: start) }
                parts += try parseFString(body, raw: raw, at: t.start)
                sawText = true
                sawF = true
            case .bytes(let b):
                if sawText { throw error("cannot mix bytes and nonbytes literals", at: start) }
                bytes = (bytes ?? []) + b
            default:
                if let bytes { return Expr(.bytes(bytes), start) }
                if !sawF {
                    let text = parts.map { if case .literal(let s) = $0 { return s } else { return "" } }.joined()
                    return Expr(.str(text), start)
                }
                return Expr(.fstring(parts), start)
            }
            index += 1
        }
    }

    /// Splits an f-string body into literal text and `{expression!conversion:spec}` fields.
    func parseFString(_ body: String, raw: Bool, at location: SourceLocation) throws -> [FStringPart] {
        let s = Array(body.unicodeScalars)
        var parts: [FStringPart] = []
        var literal = String.UnicodeScalarView()
        var i = 0
        func flush() throws {
            if !literal.isEmpty {
                let text = String(literal)
                parts.append(.literal(raw ? text : try lexer.unescape(text, at: location, bytes: false)))
                literal = String.UnicodeScalarView()
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if i + 1 < s.count && s[i + 1] == "{" {
                    literal.append("{")
                    i += 2
                    continue
                }
                try flush()
                i += 1
                let exprStart = i
                var depth = 0
                var quote: Unicode.Scalar?
                while i < s.count {
                    let d = s[i]
                    if let q = quote {
                        if d == q { quote = nil }
                    } else if d == "'" || d == "\"" {
                        quote = d
                    } else if d == "(" || d == "[" || d == "{" {
                        depth += 1
                    } else if d == ")" || d == "]" || d == "}" {
                        if depth == 0 { break }
                        depth -= 1
                    } else if depth == 0 && (d == "!" || d == ":") && !(d == "!" && i + 1 < s.count && s[i + 1] == "=")
                    {
                        break
                    }
                    i += 1
                }
                var exprText = String(String.UnicodeScalarView(s[exprStart..<i]))
                var debugText: String?
                let trimmed = exprText.trimmingTrailingSpaces()
                if trimmed.hasSuffix("=") && !trimmed.hasSuffix("==") && !trimmed.hasSuffix("!=")
                    && !trimmed.hasSuffix("<=") && !trimmed.hasSuffix(">=")
                {
                    debugText = exprText
                    exprText = String(trimmed.dropLast())
                }
                if exprText.allSatisfy({ $0 == " " }) {
                    throw error("f-string: empty expression not allowed", at: location)
                }
                // Python 3.11 (before PEP 701) rejects any backslash between the braces.
                if exprText.contains("\\") {
                    throw error("f-string expression part cannot include a backslash", at: location)
                }
                var conversion: Character?
                if i < s.count && s[i] == "!" {
                    guard i + 1 < s.count, ["r", "s", "a"].contains(s[i + 1]) else {
                        throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: location)
                    }
                    conversion = Character(s[i + 1])
                    i += 2
                }
                var spec: [FStringPart] = []
                if i < s.count && s[i] == ":" {
                    i += 1
                    let specStart = i
                    var depth = 0
                    while i < s.count {
                        if s[i] == "{" {
                            depth += 1
                        } else if s[i] == "}" {
                            if depth == 0 { break }
                            depth -= 1
                        }
                        i += 1
                    }
                    spec = try parseFString(String(String.UnicodeScalarView(s[specStart..<i])), raw: raw, at: location)
                }
                guard i < s.count, s[i] == "}" else { throw error("f-string: expecting '}'", at: location) }
                i += 1
                let expr: Expr
                do {
                    var sub = Lexer("(" + exprText + ")")
                    var parser = Parser(tokens: try sub.tokenize(), lexer: sub)
                    parser.functions = functions
                    expr = try parser.parseExpressionList()
                } catch let d as SyntaxError {
                    throw error("f-string: " + d.message, at: location)
                }
                parts.append(.expression(expr, conversion: conversion, spec: spec, debugText: debugText))
            } else if c == "}" {
                if i + 1 < s.count && s[i + 1] == "}" {
                    literal.append("}")
                    i += 2
                    continue
                }
                throw error("f-string: single '}' is not allowed", at: location)
            } else {
                literal.append(c)
                i += 1
            }
        }
        try flush()
        return parts
    }
}

extension String {
    func trimmingTrailingSpaces() -> Substring {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return s
    }
}

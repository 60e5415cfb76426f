import BigInt

import Testing

@testable import PoolScript

/// Renders tokens compactly: names and ops as text, literals tagged, layout tokens in capitals.
func tokenDump(_ source: String) throws -> String {
    var lexer = Lexer(source)
    return try lexer.tokenize().map { t -> String in
        switch t.kind {
        case .name: return t.text
        case .op: return t.text
        case .int(let i): return "int:\(i)"
        case .bigInt(let i): return "int:\(i)"
        case .float(let d): return "float:\(d)"
        case .string(let s): return "str:\(s.debugDescription)"
        case .bytes(let b): return "bytes:\(b)"
        case .fstring(let s, _): return "f:\(s.debugDescription)"
        case .newline: return "NL"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .eof: return "EOF"
        }
    }.joined(separator: " ")
}

/// An S-expression view of an expression tree.
func dump(_ e: Expr) -> String {
    switch e.kind {
    case .name(let n): return n
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .bigInt(let i): return String(i)
    case .float(let d): return String(d)
    case .str(let s): return s.debugDescription
    case .bytes(let b): return "b\(b)"
    case .ellipsis: return "..."
    case .fstring(let parts): return "(f \(parts.count))"
    case .attribute(let o, let n): return "(. \(dump(o)) \(n))"
    case .call(let f, let args):
        let rendered = args.map { a -> String in
            switch a {
            case .positional(let e): return dump(e)
            case .keyword(let n, let e): return "\(n)=\(dump(e))"
            case .star(let e): return "*\(dump(e))"
            case .doubleStar(let e): return "**\(dump(e))"
            }
        }
        return "(call \(dump(f))" + rendered.map { " " + $0 }.joined() + ")"
    case .item(let c, let k): return "([] \(dump(c)) \(dump(k)))"
    case .slice(let a, let b, let c): return "(: \(a.map(dump) ?? "_") \(b.map(dump) ?? "_") \(c.map(dump) ?? "_"))"
    case .binary(let op, let a, let b): return "(\(op.rawValue) \(dump(a)) \(dump(b)))"
    case .unary(let op, let a): return "(\(op.rawValue) \(dump(a)))"
    case .and(let a, let b): return "(and \(dump(a)) \(dump(b)))"
    case .or(let a, let b): return "(or \(dump(a)) \(dump(b)))"
    case .compare(let a, let rest):
        return "(cmp \(dump(a))" + rest.map { " \($0.0.rawValue) \(dump($0.1))" }.joined() + ")"
    case .list(let items): return "[" + items.map(dump).joined(separator: " ") + "]"
    case .tuple(let items): return "(tuple" + items.map { " " + dump($0) }.joined() + ")"
    case .dict(let entries):
        return "{" + entries.map { "\($0.0.map(dump) ?? "**"): \(dump($0.1))" }.joined(separator: ", ") + "}"
    case .starred(let e): return "*\(dump(e))"
    case .await(let e): return "(await \(dump(e)))"
    case .listComp(let e, let clauses): return "(comp \(dump(e)) \(clauses.count))"
    case .genExp(let e, let clauses): return "(genexp \(dump(e)) \(clauses.count))"
    case .yield(let e): return "(yield\(e.map { " " + dump($0) } ?? ""))"
    case .yieldFrom(let e): return "(yield-from \(dump(e)))"
    case .dictComp(let k, let v, let clauses): return "(dictcomp \(dump(k)) \(dump(v)) \(clauses.count))"
    case .set(let items): return "{set" + items.map { " " + dump($0) }.joined() + "}"
    case .setComp(let e, let clauses): return "(setcomp \(dump(e)) \(clauses.count))"
    case .ifExp(let t, let b, let o): return "(if \(dump(t)) \(dump(b)) \(dump(o)))"
    case .lambda(let d): return "(lambda \(d.parameters.map(\.name).joined(separator: ",")))"
    }
}

@Suite struct LexerTests {
    static let cases: [(String, String)] = [
        ("x = 1", "x = int:1 NL EOF"),
        ("1_000 0x_ff 1.5 .5 1e3 2.", "int:1000 int:255 float:1.5 float:0.5 float:1000.0 float:2.0 NL EOF"),
        ("if x:\n    y\nz", "if x : NL INDENT y NL DEDENT z NL EOF"),
        ("if a:\n    if b:\n        c\nd", "if a : NL INDENT if b : NL INDENT c NL DEDENT DEDENT d NL EOF"),
        ("f(a,  # c\n  b)\n", "f ( a , b ) NL EOF"),
        ("x  # trailing\n\n# only comment\n  \ny", "x NL y NL EOF"),
        ("'a\\tb' \"q'\" '''t\nq'''", "str:\"a\\tb\" str:\"q\\'\" str:\"t\\nq\" NL EOF"),
        ("b'\\x00a' rb'\\n'", "bytes:[0, 97] bytes:[92, 110] NL EOF"),
        ("f'{x!r:>3}'", "f:\"{x!r:>3}\" NL EOF"),
        ("a **= 2 // 3 -> ...", "a **= int:2 // int:3 -> ... NL EOF"),
        ("x = 1 + \\\n  2", "x = int:1 + int:2 NL EOF"),
        ("名字 = '创建'", "名字 = str:\"创建\" NL EOF"),
    ]

    @Test(arguments: cases)
    func tokenizes(_ testCase: (String, String)) throws {
        #expect(try tokenDump(testCase.0) == testCase.1, "source: \(testCase.0)")
    }

    @Test func unmatchedClosingBracket() {
        #expect(throws: SyntaxError.self) { try tokenDump("x = 1)") }
        do {
            _ = try tokenDump("x = 1)")
        } catch let d as SyntaxError {
            #expect(d.message == "unmatched ')'")
            #expect(d.column == 6)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

@Suite struct ParserTests {
    static let cases: [(String, String)] = [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("-2 ** 2", "(- (** 2 2))"),
        ("a < b <= c", "(cmp a < b <= c)"),
        ("x not in y and not z or w", "(or (and (cmp x not in y) (not z)) w)"),
        ("a is not None", "(cmp a is not None)"),
        ("f(1, k=2, *a, **kw)", "(call f 1 k=2 *a **kw)"),
        ("httpx.Limits(max_connections=10)", "(call (. httpx Limits) max_connections=10)"),
        ("xs[1:2], xs[::-1], d['k']", "(tuple ([] xs (: 1 2 _)) ([] xs (: _ _ (- 1))) ([] d \"k\"))"),
        ("[x for x in y if x]", "(comp x 1)"),
        ("a if b else c", "(if b a c)"),
        ("await client.get(url)", "(await (call (. client get) url))"),
        ("lambda a, b=1: a", "(lambda a,b)"),
        ("{'a': 1, **d}", "{\"a\": 1, **: d}"),
        ("(1,)", "(tuple 1)"),
        ("()", "(tuple)"),
        ("a & b | c ^ d << 1", "(| (& a b) (^ c (<< d 1)))"),
        ("x // y % z", "(% (// x y) z)"),
        ("'a' 'b'", "\"ab\""),
        ("{k: v for k, v in d if k}", "(dictcomp k v 1)"),
    ]

    @Test(arguments: cases)
    func parsesExpressions(_ testCase: (String, String)) throws {
        let e = try Parser.parseExpression(testCase.0)
        #expect(dump(e) == testCase.1, "source: \(testCase.0)")
    }

    @Test func statementsCarryLocations() throws {
        let statements = try Parser.parseModule(
            "import a, b as c\nfrom d import e, f as g\n\nif x:\n    y = 1\nelif z:\n    pass\nelse:\n    w += 2"
        )
        #expect(statements.count == 3)
        #expect(statements.map(\.location.line) == [1, 2, 4])
        guard case .importModules(let items) = statements[0].kind else {
            Issue.record("import")
            return
        }
        #expect(items.map(\.name) == ["a", "b"])
        #expect(items.map(\.alias) == [nil, "c"])
        guard case .importFrom(let module, let names) = statements[1].kind else {
            Issue.record("from")
            return
        }
        #expect(module == "d")
        #expect(names.map(\.alias) == [nil, "g"])
        guard case .ifElse(_, let body, let orElse) = statements[2].kind else {
            Issue.record("if")
            return
        }
        #expect(body.first?.location == SourceLocation(line: 5, column: 4))
        guard case .ifElse(_, _, let inner) = orElse.first?.kind else {
            Issue.record("elif")
            return
        }
        #expect(inner.count == 1)
    }

    @Test func functionLocalsFollowPythonScoping() throws {
        let statements = try Parser.parseModule(
            "def f(a):\n    b = 1\n    for c in a: pass\n    def g(): h = 1\n    return b"
        )
        guard case .function(let decl) = statements[0].kind else {
            Issue.record("def")
            return
        }
        #expect(decl.locals == ["a", "b", "c", "g"])
    }
}

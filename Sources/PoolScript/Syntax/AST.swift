import BigInt

/// An expression node with its source location.
final class Expr {
    let kind: ExprKind
    let location: SourceLocation
    init(_ kind: ExprKind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

enum ExprKind {
    case name(String)
    case none
    case bool(Bool)
    case int(Int)
    /// An integer literal beyond 64 bits.
    case bigInt(BigInt)
    case float(Double)
    case str(String)
    case bytes([UInt8])
    case ellipsis
    case fstring([FStringPart])
    case attribute(Expr, String)
    case call(Expr, [CallArgument])
    case item(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case binary(BinaryOp, Expr, Expr)
    case unary(UnaryOp, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case compare(Expr, [(CompareOp, Expr)])
    case list([Expr])
    case tuple([Expr])
    /// A nil key is a `**mapping` entry.
    case dict([(Expr?, Expr)])
    case starred(Expr)
    case await(Expr)
    case listComp(Expr, [Comprehension])
    /// `(x for x in xs)`: a generator expression, lazy as in CPython.
    case genExp(Expr, [Comprehension])
    /// `yield` / `yield value` inside a generator function.
    case yield(Expr?)
    /// `yield from iterable`.
    case yieldFrom(Expr)
    /// `{a, b}`.
    case set([Expr])
    case setComp(Expr, [Comprehension])
    case dictComp(key: Expr, value: Expr, [Comprehension])
    case ifExp(test: Expr, body: Expr, orElse: Expr)
    case lambda(FunctionDecl)
}

enum FStringPart {
    case literal(String)
    case expression(Expr, conversion: Character?, spec: [FStringPart], debugText: String?)
}

struct Comprehension {
    var target: Expr
    var iterable: Expr
    var conditions: [Expr]
    /// `async for`: items come from `__aiter__` / `__anext__`, awaited (PEP 530).
    var isAsync = false
}

enum CallArgument {
    case positional(Expr)
    case keyword(String, Expr)
    case star(Expr)
    case doubleStar(Expr)
}

enum BinaryOp: String {
    case add = "+"
    case sub = "-"
    case mul = "*"
    case div = "/"
    case floorDiv = "//"
    case mod = "%"
    case pow = "**"
    case matMul = "@"
    case bitAnd = "&"
    case bitOr = "|"
    case bitXor = "^"
    case lshift = "<<"
    case rshift = ">>"
}

enum UnaryOp: String {
    case neg = "-"
    case pos = "+"
    case invert = "~"
    case not = "not"
}

enum CompareOp: String {
    case eq = "=="
    case ne = "!="
    case lt = "<"
    case le = "<="
    case gt = ">"
    case ge = ">="
    case `in` = "in"
    case notIn = "not in"
    case `is` = "is"
    case isNot = "is not"
}

/// A `def`, `async def` or `lambda`.
final class FunctionDecl {
    let name: String
    let parameters: [ParameterDecl]
    let body: [Stmt]
    let isAsync: Bool
    /// Names assigned in the body (its locals), computed once by the parser.
    var locals: Set<String> = []
    /// Names declared `global` / `nonlocal` in the body, with the declaration's location.
    var globals: [String: SourceLocation] = [:]
    var nonlocals: [String: SourceLocation] = [:]
    /// `@decorator` expressions, outermost first.
    var decorators: [Expr] = []
    /// True when the body contains `yield` (outside nested functions): calling it makes a generator object.
    var isGenerator = false
    let location: SourceLocation

    init(name: String, parameters: [ParameterDecl], body: [Stmt], isAsync: Bool, location: SourceLocation) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.isAsync = isAsync
        self.location = location
    }
}

/// A `class` statement.
final class ClassDecl {
    let name: String
    let bases: [Expr]
    let body: [Stmt]
    var decorators: [Expr] = []
    let location: SourceLocation

    init(name: String, bases: [Expr], body: [Stmt], location: SourceLocation) {
        self.name = name
        self.bases = bases
        self.body = body
        self.location = location
    }
}

struct ParameterDecl {
    var name: String
    var kind: Parameter.Kind
    var defaultValue: Expr?
}

/// A statement node with its source location.
final class Stmt {
    let kind: StmtKind
    let location: SourceLocation
    init(_ kind: StmtKind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

struct ExceptHandler {
    var type: Expr?
    var name: String?
    var body: [Stmt]
    var location: SourceLocation
    /// `except*`: the handler matches the leaves of an exception group.
    var isGroup = false
}

struct WithItem {
    var context: Expr
    var target: Expr?
}

enum StmtKind {
    case expression(Expr)
    case assign(targets: [Expr], value: Expr)
    case augAssign(Expr, BinaryOp, Expr)
    case annotated(target: Expr, value: Expr?)
    case importModules([(name: String, alias: String?)])
    case importFrom(module: String, names: [(name: String, alias: String?)])
    case ifElse(Expr, [Stmt], [Stmt])
    case whileLoop(Expr, [Stmt], orElse: [Stmt])
    case forLoop(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt], isAsync: Bool)
    case breakLoop, continueLoop, pass
    case function(FunctionDecl)
    case classDef(ClassDecl)
    case global([String])
    case nonlocal([String])
    case returnValue(Expr?)
    case tryExcept(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
    case raise(Expr?, cause: Expr?)
    case delete([Expr])
    case with([WithItem], [Stmt], isAsync: Bool)
    case assert(Expr, Expr?)
}

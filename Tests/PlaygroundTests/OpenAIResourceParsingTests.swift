import PoolScript
import Testing

@testable import Playground
@testable import PythonModels

/// The SDK's client-side parsing that PoolPlay mirrors: base64 float32 embeddings and `Response.output_text`.
@Suite struct OpenAIResourceParsingTests {
    /// (base64 of little-endian float32, the floats `array.array("f", …).tolist()` gives in CPython).
    static let vectors: [(String, String)] = [
        ("zczMPQAAgD4AAAA/", "[0.10000000149011612, 0.25, 0.5]"),
        ("AACAPw==", "[1.0]"),
        ("AACAvwAAAAA=", "[-1.0, 0.0]"),
        ("", "[]"),
    ]

    @Test(arguments: vectors)
    func base64Float32DecodesAsCPythonPrintsIt(encoded: String, printed: String) {
        let floats = EmbeddingsResource.decodeFloat32(encoded).map { Value.float(Double($0)) }
        #expect(Value.list(PyList(floats)).repr() == printed)
    }

    static func json(_ pairs: [(String, Value)]) -> Value { .dict(PyDict(pairs.map { (.str($0.0), $0.1) })) }

    @Test func embeddingsAreDecodedOnlyWhenTheCallerGaveNoFormat() throws {
        func body() -> Value {
            Self.json([
                ("object", .str("list")),
                ("data", .list(PyList([Self.json([("object", .str("embedding")), ("index", .int(0)), ("embedding", .str("AACAPw=="))])]))),
                ("model", .str("m")), ("usage", Self.json([("prompt_tokens", .int(1)), ("total_tokens", .int(1))])),
            ])
        }
        let exceptions = OpenAIExceptions()
        let decoded = try EmbeddingsResource.parse(body(), decode: true, exceptions: exceptions)
        #expect(decoded.repr() == "CreateEmbeddingResponse(data=[Embedding(embedding=[1.0], index=0, object='embedding')], model='m', object='list', usage=Usage(prompt_tokens=1, total_tokens=1))")
        let raw = try EmbeddingsResource.parse(body(), decode: false, exceptions: exceptions)
        #expect(raw.repr().contains("embedding='AACAPw=='"))
        // `{}` from the server: the SDK's ValueError when it meant to decode, a bare object otherwise.
        let error = #expect(throws: PythonError.self) {
            try EmbeddingsResource.parse(Self.json([]), decode: true, exceptions: exceptions)
        }
        #expect(error?.message == "No embedding data received")
        #expect(try EmbeddingsResource.parse(Self.json([]), decode: false, exceptions: exceptions).repr()
            == "CreateEmbeddingResponse(data=None, model=None, object=None, usage=None)")
    }

    @Test func outputTextJoinsTheTextOfEveryMessage() throws {
        func text(_ s: String) -> Value { Self.json([("type", .str("output_text")), ("text", .str(s)), ("annotations", .list(PyList([])))]) }
        func message(_ parts: [Value]) -> Value {
            Self.json([("type", .str("message")), ("id", .str("msg_1")), ("role", .str("assistant")), ("content", .list(PyList(parts)))])
        }
        let call = Self.json([("type", .str("function_call")), ("name", .str("f"))])
        let json = Self.json([
            ("id", .str("resp_1")), ("created_at", .int(5)),
            ("output", .list(PyList([message([text("Hel")]), call, message([text("lo"), text("!")])]))),
        ])
        guard case .object(let object) = ResponseModelObject.make(from: json) else {
            Issue.record("not an object")
            return
        }
        #expect(try object.getAttribute("output_text") == .str("Hello!"))
        #expect(try object.getAttribute("created_at") == .float(5))
        guard case .list(let output)? = try object.getAttribute("output") else {
            Issue.record("no output")
            return
        }
        #expect(output.items[1].typeName == "dict")
        #expect(output.items[0].repr().hasPrefix("ResponseOutputMessage(id='msg_1', content=[ResponseOutputText(annotations=[], text='Hel', type='output_text', logprobs=None)]"))
        #expect(object.pyRepr().hasPrefix("Response(id='resp_1', access_programs=None, created_at=5.0, error=None"))
    }

    @Test func outputTextOfAResponseWithoutOutputIsCPythonsTypeError() {
        guard case .object(let object) = ResponseModelObject.make(from: Self.json([("id", .str("r"))])) else {
            Issue.record("not an object")
            return
        }
        #expect(throws: PythonError.self) { try object.getAttribute("output_text") }
    }
}

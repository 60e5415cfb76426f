import NIOHTTP1
import Testing

@testable import MockServer

@Suite struct RouteTests {
    @Test(arguments: [
        (HTTPMethod.GET, "/v1/models", Route.Match.route(.listModels)),
        (.GET, "/v1/models/", .route(.listModels)),
        (.GET, "/v1/models/gpt-4o", .route(.retrieveModel(id: "gpt-4o"))),
        (.GET, "/v1/models/ft%3Aa", .route(.retrieveModel(id: "ft:a"))),
        (.POST, "/v1/chat/completions", .route(.chatCompletions)),
        (.GET, "/v1/chat/completions", .methodNotAllowed(allowed: [.POST])),
        (.DELETE, "/v1/models", .methodNotAllowed(allowed: [.GET])),
        (.GET, "/_poolplay/ledger", .route(.ledger)),
        (.POST, "/_poolplay/reset", .route(.resetLedger)),
        (.GET, "/_poolplay/reset", .methodNotAllowed(allowed: [.POST])),
        (.GET, "/", .notFound),
        (.GET, "/v2/models", .notFound),
        (.GET, "/v1/models/a/b", .notFound),
    ])
    func matches(method: HTTPMethod, path: String, expected: Route.Match) {
        #expect(Route.match(method: method, path: path) == expected)
    }

    @Test func pathDropsQueryAndFragment() {
        #expect(Route.path(ofURI: "/v1/models?limit=2") == "/v1/models")
        #expect(Route.path(ofURI: "/v1/models#x") == "/v1/models")
        #expect(Route.path(ofURI: "?q") == "/")
    }

    @Test func onlyAdminRoutesAreAdmin() {
        #expect(Route.Match.route(.ledger).isAdmin)
        #expect(Route.Match.route(.resetLedger).isAdmin)
        #expect(!Route.Match.route(.chatCompletions).isAdmin)
        #expect(!Route.Match.notFound.isAdmin)
    }

    @Test func jsonValueEscapesAndKeepsKeyOrder() {
        let value = JSONValue.object([
            ("z", .string("a\"b\\c\nd\u{01}")), ("a", .null), ("n", .array([.int(1), .bool(false), .double(0.5)])),
        ])
        #expect(value.serialized() == #"{"z":"a\"b\\c\nd\u0001","a":null,"n":[1,false,0.5]}"#)
    }
}

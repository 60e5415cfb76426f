import Testing

/// The output parser of the compat suite (no Python needed).
@Suite("SDK compat: output parsing")
struct SDKCompatJSONTests {
    @Test("numbers stay numbers, booleans stay booleans, nulls are distinct from absence")
    func parsesScalars() throws {
        let json = try SDKCompatJSON.parse(#"{"a":1,"b":true,"c":null,"d":["0","1"],"e":0.01}"#)
        #expect(json["a"].int == 1)
        #expect(json["a"].bool == nil)
        #expect(json["b"].bool == true)
        #expect(json["c"] == .null)
        #expect(json["d"].strings == ["0", "1"])
        #expect(json["e"].double == 0.01)
        #expect(json["missing"]["deeper"] == .null)
    }

    @Test("the banner's first line gives the base URL")
    func bannerURL() {
        #expect(SDKCompatServer.baseURL(inBanner: "PoolPlay mock OpenAI endpoint on http://127.0.0.1:4242/v1\n")
            == "http://127.0.0.1:4242/v1")
        #expect(SDKCompatServer.baseURL(inBanner: "PoolPlay mock OpenAI endpoint on http://127.0.0.1:42") == nil)
    }
}

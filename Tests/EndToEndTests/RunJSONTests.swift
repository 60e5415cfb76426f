import Foundation
import Testing

/// `poolplay run --json FILE`: one object per top-level statement, for tools and editors; and piped sessions
/// with the new views carry no escape codes.
@Suite struct RunJSONTests {
    @Test func oneObjectPerStatementWithPoolsAndErrors() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("burst.py")
        try """
            import asyncio, httpx, os
            client = httpx.AsyncClient(limits=httpx.Limits(max_connections=2, max_keepalive_connections=1), timeout=None)

            # five requests through two connections
            r = await asyncio.gather(*[client.get(os.environ["OPENAI_BASE_URL"] + "/models") for _ in range(5)])
            print(len(r))
            def f(x):
                return 1 / x
            f(0)
            print("never")
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try await PoolplayBinary.run(["run", "--json", "--latency", "10ms", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("ZeroDivisionError: division by zero\n"))
        let objects = try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.map { $0["line"] as? Int } == [1, 2, 5, 6, 7, 9])
        #expect(objects[4]["source"] as? String == "def f(x):\n    return 1 / x")
        #expect(objects[3]["stdout"] as? String == "5\n")
        #expect(objects[0]["error"] is NSNull)
        let error = objects[5]["error"] as? [String: Any]
        #expect(error?["type"] as? String == "ZeroDivisionError")
        #expect(error?["message"] as? String == "division by zero")
        #expect(error?["line"] as? Int == 8)
        let pool = (objects[2]["pools"] as? [[String: Any]])?.first
        #expect(pool?["name"] as? String == "client")
        #expect(pool?["library"] as? String == "httpcore 1.0.9")
        #expect((pool?["limits"] as? [String: Any])?["max_keepalive_connections"] as? Int == 1)
        let counters = pool?["counters"] as? [String: Any]
        #expect(counters?["opened"] as? Int == 5)
        #expect(counters?["peak_queued"] as? Int == 3)
        #expect((counters?["closed_by"] as? [String: Any])?["keep-alive limit"] as? Int == 4)
        #expect(pool?["repr"] as? String == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>")
        #expect((objects[3]["pools"] as? [Any])?.isEmpty == true)
    }

    @Test func pipedViewsCarryNoEscapeCodes() async throws {
        let result = try await PoolplayBinary.run(
            ["--latency", "10ms"],
            input: """
                import asyncio, httpx, os
                c = httpx.AsyncClient(limits=httpx.Limits(max_connections=2, max_keepalive_connections=1))
                r = await asyncio.gather(*[c.get(os.environ["OPENAI_BASE_URL"] + "/models") for _ in range(4)])
                %why
                %pool
                %timeline
                %help
                httpx.Limits(max_conections=1)

                """, environment: ["NO_COLOR": ""])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Why, for c"))
        #expect(result.stderr.contains("hint: did you mean max_connections=?"))
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stderr.contains("\u{1B}"))
    }
}

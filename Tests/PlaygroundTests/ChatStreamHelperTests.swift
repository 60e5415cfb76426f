import Testing

@testable import Playground
@testable import PythonModels

/// `client.chat.completions.stream(...)`, sync and async, against the mock. Expected text is what openai 3.57.0
/// printed under CPython 3.11 for the same code against the same mock (completion ids aside).
@Suite struct ChatStreamHelperTests {
    @Test func syncStreamYieldsTheSDKsEventsAndTheFinalCompletion() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero, options: .withoutPanels)
        let status = await harness.session.runFile(
            source: """
                from openai import OpenAI
                client = OpenAI()
                msgs = [{"role": "user", "content": "a b"}]
                with client.chat.completions.stream(model="gpt-4o-mini", messages=msgs) as stream:
                    print(type(stream).__name__, [e.type for e in stream])
                    print(stream.get_final_completion().choices[0].message)
                    print(hasattr(stream, "text_stream"))
                """, path: "helper.py")
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(status == 0)
        #expect(
            harness.output.stdout == """
                ChatCompletionStream ['chunk', 'content.delta', 'chunk', 'content.delta', 'chunk', 'content.delta', \
                'chunk', 'content.done']
                ParsedChatCompletionMessage[~ResponseFormatT](content='a b', refusal=None, role='assistant', \
                annotations=None, audio=None, function_call=None, tool_calls=None, parsed=None)
                False

                """)
    }

    @Test func asyncEventsCarryDeltasSnapshotsAndTheReorderedChunk() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero, options: .withoutPanels)
        let status = await harness.session.runFile(
            source: """
                import asyncio
                from openai import AsyncOpenAI
                async def main():
                    async with AsyncOpenAI() as client:
                        async with client.chat.completions.stream(
                            model="gpt-4o-mini", messages=[{"role": "user", "content": "a b"}]
                        ) as stream:
                            async for event in stream:
                                if event.type == "chunk":
                                    print(event.chunk.choices[0].delta)
                                else:
                                    print(event)
                            await stream.until_done()
                            print(stream.current_completion_snapshot.choices[0].finish_reason)
                asyncio.run(main())
                """, path: "helper_async.py")
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(status == 0)
        #expect(
            harness.output.stdout == """
                ChoiceDelta(audio=None, content='', function_call=None, refusal=None, role='assistant', tool_calls=None)
                ContentDeltaEvent(type='content.delta', delta='', snapshot='', parsed=None)
                ChoiceDelta(audio=None, content='a', function_call=None, refusal=None, role=None, tool_calls=None)
                ContentDeltaEvent(type='content.delta', delta='a', snapshot='a', parsed=None)
                ChoiceDelta(audio=None, content=' b', function_call=None, refusal=None, role=None, tool_calls=None)
                ContentDeltaEvent(type='content.delta', delta=' b', snapshot='a b', parsed=None)
                ChoiceDelta(audio=None, content=None, function_call=None, refusal=None, role=None, tool_calls=None)
                ContentDoneEvent(type='content.done', content='a b', parsed=None)
                stop

                """)
    }
}

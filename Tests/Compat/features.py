"""Checks for routes the mock is gaining: chat streams (and the sync-stream connection cost of
openai-python#3440), embeddings (float and base64), responses (create, stream, the stream() helper)
and legacy completions. Each check reports what it saw; the Swift side gates on a probe of the server.

Run: OPENAI_BASE_URL=http://127.0.0.1:PORT/v1 OPENAI_API_KEY=sk-x .venv/openai3/bin/python Tests/Compat/features.py
"""
import asyncio
import math

import openai
from compat_common import BASE_URL, async_client, client, ledger, reset, run, used_connections

MESSAGES = [{"role": "user", "content": "stream me"}]
STREAMS = 3


def chat_stream_sync(done_marker=None):
    """Three sequential sync streams with include_usage; the ledger shows how many connections they used.
    With done_marker="off" (header x-poolplay-done-marker) the server sends no [DONE]: the body just ends."""
    headers = {"x-poolplay-done-marker": done_marker} if done_marker else None
    reset()
    c = client()
    texts, usages, chunks = [], [], 0
    for _ in range(STREAMS):
        stream = c.chat.completions.create(model="mock-gpt", messages=MESSAGES, stream=True,
                                           stream_options={"include_usage": True}, extra_headers=headers)
        text = ""
        for chunk in stream:
            chunks += 1
            if chunk.choices and chunk.choices[0].delta.content:
                text += chunk.choices[0].delta.content
            if chunk.usage is not None:
                usages.append(chunk.usage.total_tokens)
        texts.append(text)
    c.close()
    view = ledger()
    closed_by = {conn["id"]: conn["closedBy"] for conn in view["connections"]}
    return {"type": type(stream).__name__, "texts": texts, "usages": usages, "chunks": chunks,
            "requests": len(view["requests"]), "connectionsUsed": len(used_connections(view)),
            "closedBy": [closed_by.get(i) for i in used_connections(view)]}


def chat_stream_async(done_delay=None):
    """Three sequential async streams; with `done_delay` the server holds each body's end that long after
    [DONE] (the per-request header x-poolplay-done-delay), longer than 3.57's 100 ms drain."""
    headers = {"x-poolplay-done-delay": done_delay} if done_delay else None

    async def main():
        c = async_client()
        texts = []
        for _ in range(STREAMS):
            stream = await c.chat.completions.create(model="mock-gpt", messages=MESSAGES, stream=True,
                                                     extra_headers=headers)
            text = ""
            async for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    text += chunk.choices[0].delta.content
            texts.append(text)
        await c.close()
        return texts

    reset()
    texts = asyncio.run(main())
    view = ledger()
    return {"texts": texts, "requests": len(view["requests"]), "connectionsUsed": len(used_connections(view))}


def embeddings_float():
    result = client().embeddings.create(model="text-embedding-3-small", input=["a", "bb"], encoding_format="float")
    vectors = [d.embedding for d in result.data]
    return {"type": type(result).__name__, "model": result.model, "count": len(vectors),
            "indices": [d.index for d in result.data],
            "allFloats": all(isinstance(x, float) and math.isfinite(x) for v in vectors for x in v),
            "dimensions": sorted({len(v) for v in vectors}), "promptTokens": result.usage.prompt_tokens}


def embeddings_base64():
    """The SDK's default asks for base64 and decodes it; strict mode rejects the string, so lenient here."""
    lenient = openai.OpenAI(base_url=BASE_URL, max_retries=0)
    result = lenient.embeddings.create(model="text-embedding-3-small", input="abc")
    vector = result.data[0].embedding
    return {"type": type(vector).__name__, "dimensions": len(vector),
            "allFloats": all(isinstance(x, float) and math.isfinite(x) for x in vector)}


def responses_create():
    response = client().responses.create(model="gpt-4.1-mini", input="hello responses")
    return {"type": type(response).__name__, "object": response.object, "model": response.model,
            "status": response.status, "outputText": response.output_text,
            "outputTypes": [item.type for item in response.output]}


def responses_stream_raw():
    events = list(client().responses.create(model="gpt-4.1-mini", input="hello stream", stream=True))
    types = [e.type for e in events]
    text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    return {"first": types[0] if types else None, "last": types[-1] if types else None,
            "distinctTypes": sorted(set(types)), "text": text,
            "sequenceIncreasing": increasing([getattr(e, "sequence_number", None) for e in events])}


def increasing(numbers):
    """Whether the sequence numbers are all present and strictly increasing."""
    return None not in numbers and all(a < b for a, b in zip(numbers, numbers[1:]))


def responses_stream_helper():
    with client().responses.stream(model="gpt-4.1-mini", input="hello helper") as stream:
        types = [event.type for event in stream]
        final = stream.get_final_response()
    return {"finalText": final.output_text, "finalStatus": final.status, "last": types[-1] if types else None,
            "events": len(types)}


def completions():
    result = client().completions.create(model="gpt-3.5-turbo-instruct", prompt="say hi")
    return {"type": type(result).__name__, "object": result.object, "model": result.model,
            "text": result.choices[0].text, "finishReason": result.choices[0].finish_reason,
            "totalTokens": result.usage.total_tokens if result.usage else None}


CHECKS = {"chat_stream_sync": chat_stream_sync, "chat_stream_async": chat_stream_async,
          "chat_stream_async_held": lambda: chat_stream_async(done_delay="300ms"),
          "chat_stream_sync_no_done": lambda: chat_stream_sync(done_marker="off"),
          "embeddings_float": embeddings_float, "embeddings_base64": embeddings_base64,
          "responses_create": responses_create, "responses_stream_raw": responses_stream_raw,
          "responses_stream_helper": responses_stream_helper, "completions": completions}

if __name__ == "__main__":
    run(CHECKS)

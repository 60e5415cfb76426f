"""Checks the mock already serves: models, chat (non-stream), 404/400 errors, connection reuse, a burst.

Run: OPENAI_BASE_URL=http://127.0.0.1:PORT/v1 OPENAI_API_KEY=sk-x .venv/openai3/bin/python Tests/Compat/basic.py
"""
import asyncio

import openai
from compat_common import async_client, client, error_result, hx, ledger, reset, run, used_connections

MESSAGES = [{"role": "user", "content": "ping from the compat suite"}]


def models_list():
    page = client().models.list()
    models = list(page)
    return {"type": type(page).__name__, "itemType": type(models[0]).__name__,
            "ids": [m.id for m in models], "objects": sorted({m.object for m in models}),
            "ownedBy": sorted({m.owned_by for m in models})}


def models_retrieve():
    model = client().models.retrieve("mock-gpt")
    return {"type": type(model).__name__, "id": model.id, "object": model.object, "created": model.created,
            "ownedBy": model.owned_by}


def chat():
    completion = client().chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    choice = completion.choices[0]
    return {"type": type(completion).__name__, "object": completion.object, "model": completion.model,
            "role": choice.message.role, "content": choice.message.content,
            "finishReason": choice.finish_reason,
            "usage": [completion.usage.prompt_tokens, completion.usage.completion_tokens,
                      completion.usage.total_tokens],
            "requestIDPrefix": (completion._request_id or "")[:4]}


def expect_error(call):
    """Runs `call` on a client with max_retries=2 and reports the exception and the attempts the server saw."""
    reset()
    try:
        call(client(max_retries=2))
        result = {"error": None}
    except openai.APIError as exc:
        result = error_result(exc)
    view = ledger()
    result["attempts"] = len(view["requests"])
    result["statuses"] = [r["status"] for r in view["requests"]]
    return result


def not_found_model():
    return expect_error(lambda c: c.models.retrieve("no-such-model"))


def not_found_route():
    return expect_error(lambda c: c.get("/no/such/route", cast_to=object))


def method_not_allowed():
    return expect_error(lambda c: c.get("/chat/completions", cast_to=object))


def bad_body():
    return expect_error(lambda c: c.post("/chat/completions", body={"model": "gpt-4o-mini"}, cast_to=object))


def sequential_reuse():
    """Five sequential non-streamed calls on one client: one keep-alive connection serves them all."""
    reset()
    c = client()
    for _ in range(3):
        c.models.list()
    for _ in range(2):
        c.chat.completions.create(model="mock-gpt", messages=MESSAGES)
    c.close()
    view = ledger()
    return {"requests": len(view["requests"]), "connectionsUsed": len(used_connections(view))}


def burst():
    """16 concurrent chat calls through an AsyncOpenAI whose http_client allows 4 connections."""
    async def main():
        http_client = hx.AsyncClient(limits=hx.Limits(max_connections=4, max_keepalive_connections=4))
        c = async_client(http_client=http_client)
        completions = await asyncio.gather(
            *[c.chat.completions.create(model=f"burst-{i}", messages=MESSAGES) for i in range(16)])
        await c.close()
        return completions

    reset()
    completions = asyncio.run(main())
    view = ledger()
    return {"completions": len(completions),
            "modelsEchoed": sum(1 for i, c in enumerate(completions) if c.model == f"burst-{i}"),
            "requests": len(view["requests"]), "connectionsUsed": len(used_connections(view)),
            "peakConcurrentConnections": view["peakConcurrentConnections"]}


CHECKS = {"models_list": models_list, "models_retrieve": models_retrieve, "chat": chat,
          "not_found_model": not_found_model, "not_found_route": not_found_route, "bad_body": bad_body,
          "method_not_allowed": method_not_allowed,
          "sequential_reuse": sequential_reuse, "burst": burst}

if __name__ == "__main__":
    run(CHECKS)

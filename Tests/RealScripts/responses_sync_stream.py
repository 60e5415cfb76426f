# Sync Responses API streaming with a context manager, collecting text deltas per event type.
from openai import OpenAI


def stream_reply(client: OpenAI, prompt: str) -> str:
    parts = []
    with client.responses.create(model="gpt-4o-mini", input=prompt, stream=True) as stream:
        for event in stream:
            if event.type == "response.created":
                print("created:", event.response.status)
            elif event.type == "response.output_text.delta":
                parts.append(event.delta)
            elif event.type == "response.completed":
                print("completed, output items:", len(event.response.output))
    return "".join(parts)


if __name__ == "__main__":
    client = OpenAI()
    print(stream_reply(client, "sync responses stream"))
    print(stream_reply(client, "and again on the same client"))

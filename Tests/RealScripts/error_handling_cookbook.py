"""The error-handling block from the SDK's README, exercised against each failure.

Connection errors come from an address where nothing listens; status errors from the
mock's fault header.
"""
import openai
from openai import OpenAI

client = OpenAI(max_retries=0)


def call(api: OpenAI, headers=None) -> str:
    try:
        api.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": "hi"}],
            extra_headers=headers,
        )
    except openai.APIConnectionError as e:
        return f"The server could not be reached ({type(e.__cause__).__name__ if e.__cause__ else None})"
    except openai.RateLimitError as e:
        return f"A 429 status code was received; we should back off a bit. ({e.status_code})"
    except openai.APIStatusError as e:
        return f"Non-200 status: {e.status_code} {type(e).__name__} request_id={bool(e.request_id)}"
    return "ok"


def main():
    print(call(client))
    for code in ("400", "401", "403", "404", "409", "422", "429", "500", "503"):
        print(code, "->", call(client, {"x-poolplay-fault": code}))
    nowhere = OpenAI(base_url="http://127.0.0.1:9/v1", max_retries=0, timeout=2)
    print(call(nowhere))
    print(issubclass(openai.APITimeoutError, openai.APIConnectionError),
          issubclass(openai.RateLimitError, openai.APIStatusError),
          issubclass(openai.APIError, openai.OpenAIError))


if __name__ == "__main__":
    main()

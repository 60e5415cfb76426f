"""A CLI-style script that maps outcomes to exit codes with sys.exit."""
import os
import sys

import openai
from openai import OpenAI

EXIT_OK, EXIT_API_ERROR, EXIT_CONFIG = 0, 3, 4


def check(client: OpenAI, model: str) -> int:
    try:
        models = {m.id for m in client.models.list()}
    except openai.APIError as exc:
        print(f"error: {exc.__class__.__name__}", file=sys.stderr)
        return EXIT_API_ERROR
    if model not in models:
        print(f"model {model} missing")
        return EXIT_CONFIG
    print(f"model {model} available")
    return EXIT_OK


def main(argv: list[str]) -> int:
    if not os.environ.get("OPENAI_API_KEY"):
        print("OPENAI_API_KEY is not set", file=sys.stderr)
        return EXIT_CONFIG
    client = OpenAI(max_retries=0)
    codes = [check(client, name) for name in ("gpt-4o-mini", "gpt-9")]
    print("codes:", codes)
    broken = OpenAI(max_retries=0, default_headers={"x-poolplay-fault": "500"})
    code = check(broken, "gpt-4o-mini")
    print("final code:", code)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

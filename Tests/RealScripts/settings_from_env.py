"""Configuration object read from the environment, then used to build the client.

A frozen dataclass with a `from_env` classmethod is a common stand-in for
pydantic-settings in small services.
"""
import os
from dataclasses import dataclass, field, asdict

import httpx2
from openai import DefaultHttpxClient, OpenAI


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


@dataclass(frozen=True)
class Settings:
    base_url: str
    api_key: str = field(repr=False)
    model: str = "gpt-4o-mini"
    max_connections: int = 8
    max_keepalive: int = 4
    timeout_s: float = 20.0
    max_retries: int = 2
    tags: tuple = ()

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            base_url=os.environ["OPENAI_BASE_URL"],
            api_key=os.environ.get("OPENAI_API_KEY", ""),
            model=os.getenv("APP_MODEL", "gpt-4o-mini"),
            max_connections=_env_int("APP_MAX_CONNECTIONS", 8),
            max_retries=_env_int("APP_MAX_RETRIES", 2),
            tags=tuple(t for t in os.getenv("APP_TAGS", "batch,nightly").split(",") if t),
        )

    def limits(self) -> httpx2.Limits:
        return httpx2.Limits(max_connections=self.max_connections, max_keepalive_connections=self.max_keepalive)

    def client(self) -> OpenAI:
        return OpenAI(
            base_url=self.base_url,
            api_key=self.api_key,
            max_retries=self.max_retries,
            timeout=self.timeout_s,
            http_client=DefaultHttpxClient(limits=self.limits()),
        )


def main():
    settings = Settings.from_env()
    shown = {k: v for k, v in asdict(settings).items() if k not in ("api_key", "base_url")}
    print(shown)
    print("key set:", bool(settings.api_key), "| repr hides key:", "api_key" not in repr(settings))
    try:
        settings.model = "other"
    except Exception as exc:
        print(type(exc).__name__, exc)
    print(settings.limits())
    client = settings.client()
    print("client:", client.max_retries, client.timeout)
    reply = client.chat.completions.create(model=settings.model, messages=[{"role": "user", "content": "configured"}])
    print(reply.choices[0].message.content)
    client.close()


if __name__ == "__main__":
    main()

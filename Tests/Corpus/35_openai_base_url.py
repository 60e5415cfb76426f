# OPENAI_BASE_URL and OPENAI_API_KEY come from the environment; explicit arguments win.
import os
from openai import AsyncOpenAI, OpenAI
client = AsyncOpenAI()
print(str(client.base_url) == os.environ["OPENAI_BASE_URL"] + "/")
print(client.api_key == os.environ["OPENAI_API_KEY"])
other = OpenAI(base_url="http://127.0.0.1:1/custom", api_key="sk-explicit")
print(other.base_url, other.api_key)
print(type(client.base_url).__name__)

# import forms: plain, several at once, dotted attribute access, from-import with and without `as`.
import asyncio, os
import httpx as hx
from httpx import Limits, Timeout as T
from openai import AsyncOpenAI as Client, APIConnectionError
print(hx.__name__, hx.__version__, Limits is hx.Limits, T(1) == hx.Timeout(1))
print(Client.__name__, APIConnectionError.__name__, asyncio.sleep.__name__)
print(type(os.environ).__name__ != "", os.environ.get("POOLPLAY_CORPUS_FLAG"))
print(hx.Limits, hx.PoolTimeout, hx.TimeoutException)
try:
    from httpx import Limitz
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import not_a_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)

# limits= given to the openai client instead of its HTTP client ends the script with the SDK's TypeError.
# (PoolPlay adds a hint line after the error; the harness compares the error line.)
import httpx
from openai import OpenAI
OpenAI(limits=httpx.Limits(max_connections=10))

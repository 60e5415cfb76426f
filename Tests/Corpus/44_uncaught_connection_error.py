# An uncaught APIConnectionError against a closed port.
from openai import OpenAI
client = OpenAI(base_url="http://127.0.0.1:9/v1", max_retries=0)
client.models.list()

# An explicit encoding_format is sent as given and nothing is decoded.
from openai import OpenAI

client = OpenAI()
floats = client.embeddings.create(model="text-embedding-3-small", input=["a", "b"], encoding_format="float", dimensions=4)
print(floats)
print([e.index for e in floats.data])
raw = client.embeddings.create(model="text-embedding-3-small", input="a", encoding_format="base64", dimensions=2)
print(raw.data[0].embedding)
print(type(raw.data[0].embedding).__name__)
decoded = client.embeddings.create(model="text-embedding-3-small", input="a", dimensions=2)
print(decoded.data[0].embedding)
client.close()
print(client.is_closed())

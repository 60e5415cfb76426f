# models.list and models.retrieve against the mock: typed objects with attribute access.
from openai import AsyncOpenAI
client = AsyncOpenAI()
page = await client.models.list()
print(type(page).__name__, page.object)
ids = [m.id for m in page.data]
print(len(ids) > 0, type(page.data[0]).__name__, page.data[0].object)
model = await client.models.retrieve(ids[0])
print(model.id == ids[0], model.object, model.owned_by)
print(model == page.data[0])
print(client._client._transport._pool)
await client.close()

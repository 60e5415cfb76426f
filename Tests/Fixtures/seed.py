import httpx
from openai import AsyncOpenAI

# 创建自定义HTTP客户端
http_client = httpx.AsyncClient(
    limits=httpx.Limits(
        max_connections=10,  # 设置最大连接数
        max_keepalive_connections=5  # 设置保持活动的连接数
    )
)

# 初始化OpenAI客户端
client = AsyncOpenAI(http_client=http_client)

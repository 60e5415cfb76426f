# http1/http2 flags reach the pool; DefaultHttpx2Client and DefaultAsyncHttpx2Client exist in openai 3.
# NOTE: http2=True is left out: the pinned venv has no `h2`, so httpx raises ImportError there, while
# PoolPlay accepts it (HTTPClientObject).
import httpx
import openai
c = httpx.Client(http1=True, http2=False)
print(c._transport._pool._http1, c._transport._pool._http2)
d = openai.DefaultAsyncHttpx2Client()
print(d.timeout, d._transport._pool._max_connections)
s = openai.DefaultHttpx2Client()
print(s.follow_redirects, s._transport._pool)

# httpx.Timeout and httpx2.Timeout errors: no default, and a Timeout plus keywords.
import httpx
import httpx2
for mod in [httpx, httpx2]:
    try:
        mod.Timeout()
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        mod.Timeout(connect=1)
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        mod.Timeout(mod.Timeout(3), connect=1)
    except AssertionError as e:
        print(type(e).__name__, repr(str(e)))
print(httpx2.Timeout((1, 2)), httpx2.Timeout(2) == httpx2.Timeout(2.0))

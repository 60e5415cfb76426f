# Wrong keywords and wrong types for Limits, Timeout and clients, with the libraries' own messages.
import httpx
import httpx2
def show(label, make):
    try:
        value = make()
        print(label, "->", value)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

def timeout_typo():
    return httpx.Timeout(5, conect=1)
def limits_typo():
    return httpx.Limits(max_connection=1)
def client_limits_int():
    return httpx.AsyncClient(limits=5)
def timeout_attr():
    return httpx.Timeout(5).connect_timeout
def limits_attr():
    return httpx2.Limits().max_keepalive
def client_typo():
    return httpx2.AsyncClient(timeuot=3)
def timeout_too_long():
    return httpx.Timeout((1, 2, 3, 4, 5))
def client_positional():
    return httpx.Client("http://x")
for label, make in [("timeout_typo", timeout_typo), ("limits_typo", limits_typo), ("client_limits_int", client_limits_int),
                    ("timeout_attr", timeout_attr), ("limits_attr", limits_attr), ("client_typo", client_typo),
                    ("timeout_too_long", timeout_too_long), ("client_positional", client_positional)]:
    show(label, make)

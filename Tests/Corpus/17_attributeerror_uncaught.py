# A typo in an attribute name ends the script with AttributeError and CPython's "Did you mean".
import httpx
limits = httpx.Limits(max_connections=10)
print(limits.max_connections)
print(limits.max_conections)

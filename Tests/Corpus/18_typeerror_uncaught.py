# An unexpected keyword argument ends the script with httpx's TypeError.
import httpx
print("building")
client = httpx.AsyncClient(max_connections=10)

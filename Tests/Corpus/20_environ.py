# A read-only os.environ: the variables the test gives both runs.
import os
print(os.environ["OPENAI_API_KEY"])
print(os.environ.get("POOLPLAY_CORPUS_UNSET"))
print(os.environ.get("POOLPLAY_CORPUS_UNSET", "fallback"))
print("OPENAI_BASE_URL" in os.environ, "POOLPLAY_CORPUS_UNSET" in os.environ)
print(os.environ.get("POOLPLAY_CORPUS_FLAG"))
try:
    os.environ["POOLPLAY_CORPUS_UNSET"]
except KeyError as e:
    print("KeyError", e)

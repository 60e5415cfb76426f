"""Every check of basic.py, features.py, retries.py, limits.py and tokens.py in one process: Python start-up plus `import openai`
costs about half a second of CPU, so the Swift suite pays it once per venv. Checks reset the ledger first
when they read it, so they share one server.

Run: OPENAI_BASE_URL=http://127.0.0.1:PORT/v1 OPENAI_API_KEY=sk-x .venv/openai3/bin/python Tests/Compat/all.py [check …]
"""
import basic
import features
import limits
import retries
import tokens
from compat_common import run

run({**basic.CHECKS, **features.CHECKS, **retries.CHECKS, **limits.CHECKS, **tokens.CHECKS})

"""Runs a PoolPlay-style script (top-level await allowed) under CPython, unchanged.

    python cpython_runner.py FILE

The script text is compiled with ast.PyCF_ALLOW_TOP_LEVEL_AWAIT and awaited inside asyncio.run, so the
very same file can be given to `poolplay run FILE`.
"""
import ast
import asyncio
import sys


async def run(path):
    with open(path) as f:
        source = f.read()
    code = compile(source, path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    namespace = {"__name__": "__main__", "__file__": path}
    result = eval(code, namespace)
    if result is not None:
        await result


if __name__ == "__main__":
    asyncio.run(run(sys.argv[1]))

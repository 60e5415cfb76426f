"""Runs one corpus script under CPython the way issue 5 states the rule: wrapped in `async def main()`.

    python run_wrapped.py FILE

The script's lines are indented into the body of `async def main():` and the result is run with
`asyncio.run(main())`, so top-level `await` works and every top-level name is a local of `main`
(closures over them behave as in PoolPlay). An uncaught error prints CPython's own traceback and
exits 1, exactly as `python FILE` would.
"""
import asyncio
import sys
import textwrap


def wrapped_source(source):
    body = textwrap.indent(source, "    ") if source.strip() else "    pass\n"
    # A trailing `pass` keeps a body made only of comments valid.
    return "async def main():\n" + body + "\n    pass\n"


if __name__ == "__main__":
    path = sys.argv[1]
    with open(path) as f:
        code = compile(wrapped_source(f.read()), path, "exec")
    namespace = {"__name__": "__main__", "__file__": path}
    exec(code, namespace)
    asyncio.run(namespace["main"]())

"""Runs a file in CPython with top-level `await` allowed, as `poolplay run FILE` does."""
import ast
import asyncio
import sys
import types


def main() -> None:
    path = sys.argv[1]
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    code = compile(source, path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    module = types.ModuleType("__main__")
    module.__file__ = path

    async def run() -> None:
        result = eval(code, module.__dict__)
        if asyncio.iscoroutine(result):
            await result

    asyncio.run(run())


if __name__ == "__main__":
    main()

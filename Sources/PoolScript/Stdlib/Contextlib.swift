/// `contextlib`: suppress, nullcontext, closing, aclosing, ExitStack / AsyncExitStack (callbacks and entered
/// context managers unwound last-in first-out), and `contextmanager` / `asynccontextmanager` over generators,
/// written after CPython 3.11's `Lib/contextlib.py` (`_GeneratorContextManager.__exit__`): the `with` body's
/// exception is thrown in at the `yield`; the generator swallowing it suppresses it; a second `yield` is
/// "generator didn't stop".
extension Interpreter {
    func contextlibModule() -> StdlibModuleSpec {
        StdlibModuleSpec(source: contextlibSource)
    }
}

private let contextlibSource = #"""
from functools import wraps

class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions
    def __enter__(self):
        return None
    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)
    async def __aenter__(self):
        return None
    async def __aexit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)

class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result
    def __enter__(self):
        return self.enter_result
    def __exit__(self, *excinfo):
        return None
    async def __aenter__(self):
        return self.enter_result
    async def __aexit__(self, *excinfo):
        return None

class closing:
    def __init__(self, thing):
        self.thing = thing
    def __enter__(self):
        return self.thing
    def __exit__(self, *exc_info):
        self.thing.close()

class aclosing:
    def __init__(self, thing):
        self.thing = thing
    async def __aenter__(self):
        return self.thing
    async def __aexit__(self, *exc_info):
        await self.thing.aclose()

class _GeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None
    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        else:
            if value is None:
                value = typ()
            try:
                self.gen.throw(value)
            except StopIteration as exc:
                return exc is not value
            except RuntimeError as exc:
                if exc is value:
                    return False
                if isinstance(value, StopIteration) and exc.__cause__ is value:
                    return False
                raise
            except BaseException as exc:
                if exc is not value:
                    raise
                return False
            raise RuntimeError("generator didn't stop after throw()")

class _AsyncGeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None
    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        else:
            if value is None:
                value = typ()
            try:
                await self.gen.athrow(value)
            except StopAsyncIteration as exc:
                return exc is not value
            except RuntimeError as exc:
                if exc is value:
                    return False
                if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                    return False
                raise
            except BaseException as exc:
                if exc is not value:
                    raise
                return False
            raise RuntimeError("generator didn't stop after athrow()")

def contextmanager(func):
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper

def asynccontextmanager(func):
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper

class ExitStack:
    def __init__(self):
        self._exits = []
    def __enter__(self):
        return self
    def enter_context(self, cm):
        result = cm.__enter__()
        self._exits.append((False, cm.__exit__))
        return result
    def callback(self, callback, *args, **kwds):
        self._exits.append((True, lambda *exc: callback(*args, **kwds)))
        return callback
    def push(self, exit):
        self._exits.append((False, exit))
        return exit
    def close(self):
        self.__exit__(None, None, None)
    def __exit__(self, exc_type, exc, tb):
        suppressed = False
        while self._exits:
            is_callback, fn = self._exits.pop()
            if fn(exc_type, exc, tb) and not is_callback:
                suppressed = True
                exc_type, exc, tb = None, None, None
        return suppressed

class AsyncExitStack:
    def __init__(self):
        self._exits = []
    async def __aenter__(self):
        return self
    async def enter_async_context(self, cm):
        result = await cm.__aenter__()
        self._exits.append(('async', cm.__aexit__))
        return result
    def enter_context(self, cm):
        result = cm.__enter__()
        self._exits.append(('sync', cm.__exit__))
        return result
    def callback(self, callback, *args, **kwds):
        self._exits.append(('callback', lambda *exc: callback(*args, **kwds)))
        return callback
    def push_async_callback(self, callback, *args, **kwds):
        self._exits.append(('async_callback', lambda *exc: callback(*args, **kwds)))
        return callback
    async def aclose(self):
        await self.__aexit__(None, None, None)
    async def __aexit__(self, exc_type, exc, tb):
        suppressed = False
        while self._exits:
            kind, fn = self._exits.pop()
            if kind == 'async':
                result = await fn(exc_type, exc, tb)
            elif kind == 'async_callback':
                result = await fn()
                result = False
            else:
                result = fn(exc_type, exc, tb)
                if kind == 'callback':
                    result = False
            if result:
                suppressed = True
                exc_type, exc, tb = None, None, None
        return suppressed
"""#

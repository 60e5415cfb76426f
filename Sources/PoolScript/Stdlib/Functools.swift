/// `functools`: partial (with CPython's repr), wraps / update_wrapper, reduce, lru_cache and cache (keyed on
/// the arguments' repr-free tuple; `cache_info()` counts hits and misses), cmp_to_key, total_ordering (as is).
extension Interpreter {
    func functoolsModule() -> StdlibModuleSpec {
        StdlibModuleSpec(source: functoolsSource)
    }
}

private let functoolsSource = #"""
class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords
    def __call__(self, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})
    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args] + [k + '=' + repr(v) for k, v in self.keywords.items()]
        return 'functools.partial(' + ', '.join(parts) + ')'

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    for name in assigned:
        if hasattr(wrapped, name):
            try:
                setattr(wrapper, name, getattr(wrapped, name))
            except AttributeError:
                pass
    try:
        wrapper.__wrapped__ = wrapped
    except AttributeError:
        pass
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    return lambda wrapper: update_wrapper(wrapper, wrapped, assigned, updated)

_initial_missing = object()

def reduce(function, iterable, initial=_initial_missing):
    items = list(iterable)
    if initial is _initial_missing:
        if not items:
            raise TypeError('reduce() of empty iterable with no initial value')
        value = items[0]
        items = items[1:]
    else:
        value = initial
    for item in items:
        value = function(value, item)
    return value

class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize
    def __repr__(self):
        return 'CacheInfo(hits=' + str(self.hits) + ', misses=' + str(self.misses) + ', maxsize=' + str(self.maxsize) + ', currsize=' + str(self.currsize) + ')'
    def __eq__(self, other):
        return (self.hits, self.misses, self.maxsize, self.currsize) == tuple(other)
    def __iter__(self):
        return iter([self.hits, self.misses, self.maxsize, self.currsize])

class _lru_cache_wrapper:
    def __init__(self, func, maxsize):
        self.__wrapped__ = func
        self._func = func
        self._maxsize = maxsize
        self._cache = {}
        self._hits = 0
        self._misses = 0
        update_wrapper(self, func)
    def __call__(self, *args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key in self._cache:
            self._hits += 1
            value = self._cache.pop(key)
            self._cache[key] = value
            return value
        self._misses += 1
        value = self._func(*args, **kwargs)
        self._cache[key] = value
        if self._maxsize is not None and len(self._cache) > self._maxsize:
            self._cache.pop(list(self._cache)[0])
        return value
    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))
    def cache_clear(self):
        self._cache = {}
        self._hits = 0
        self._misses = 0

def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _lru_cache_wrapper(maxsize, 128)
    if maxsize is not None and maxsize < 0:
        maxsize = 0
    return lambda func: _lru_cache_wrapper(func, maxsize)

def cache(user_function):
    return _lru_cache_wrapper(user_function, None)

class _Key:
    def __init__(self, obj, mycmp):
        self.obj = obj
        self._cmp = mycmp
    def __lt__(self, other):
        return self._cmp(self.obj, other.obj) < 0
    def __gt__(self, other):
        return self._cmp(self.obj, other.obj) > 0
    def __eq__(self, other):
        return self._cmp(self.obj, other.obj) == 0
    def __le__(self, other):
        return self._cmp(self.obj, other.obj) <= 0
    def __ge__(self, other):
        return self._cmp(self.obj, other.obj) >= 0

def cmp_to_key(mycmp):
    return lambda obj: _Key(obj, mycmp)

def total_ordering(cls):
    return cls
"""#

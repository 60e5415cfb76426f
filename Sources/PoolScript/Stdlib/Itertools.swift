/// `itertools`, lazy as in CPython: `count`, `cycle` and `repeat` are iterator classes; `chain`, `islice`,
/// `groupby`, `zip_longest`, `accumulate`, `starmap`, `takewhile`, `dropwhile`, `filterfalse`, `compress`,
/// `pairwise` are iterator classes over generators written after the "roughly equivalent to" code of CPython 3.11's
/// itertools documentation, so they pull one item at a time from what they wrap (`islice(count(), 3)` ends).
/// `product`, `permutations` and `combinations` compute their tuples at once (CPython also reads their input
/// whole first). `list(count())` runs into the step budget, as it never ends in CPython.
extension Interpreter {
    func itertoolsModule() -> StdlibModuleSpec {
        StdlibModuleSpec(source: itertoolsSource)
    }
}

private let itertoolsSource = #"""
class count:
    def __init__(self, start=0, step=1):
        self._n = start
        self._step = step
    def __next__(self):
        n = self._n
        self._n += self._step
        return n
    def __repr__(self):
        return 'count(' + repr(self._n) + ('' if self._step == 1 else ', ' + repr(self._step)) + ')'
    def __iter__(self):
        return self

class cycle:
    def __init__(self, iterable):
        self._items = list(iterable)
        self._i = 0
    def __next__(self):
        if not self._items:
            raise StopIteration
        item = self._items[self._i % len(self._items)]
        self._i += 1
        return item
    def __iter__(self):
        return self

class repeat:
    def __init__(self, object, times=None):
        self._object = object
        self._times = times
    def __next__(self):
        if self._times is not None:
            if self._times <= 0:
                raise StopIteration
            self._times -= 1
        return self._object
    def __iter__(self):
        return self
    def __repr__(self):
        if self._times is None:
            return 'repeat(' + repr(self._object) + ')'
        return 'repeat(' + repr(self._object) + ', ' + str(self._times) + ')'

class _iterator:
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._it)

def _chain(iterables):
    for it in iterables:
        yield from it

class chain(_iterator):
    def __init__(self, *iterables):
        self._it = _chain(iterables)
    @staticmethod
    def from_iterable(iterables):
        c = chain()
        c._it = _chain(iterables)
        return c

def _islice(iterable, start, stop, step):
    nexti = start
    if nexti >= stop:
        for i, element in zip(range(start), iterable):
            pass
        return
    for i, element in enumerate(iterable):
        if i == nexti:
            yield element
            nexti += step
            if nexti >= stop:
                for j, element in zip(range(i + 1, stop), iterable):
                    pass
                return

class islice(_iterator):
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) == 2:
            start, stop, step = args[0], args[1], None
        elif len(args) == 3:
            start, stop, step = args
        else:
            raise TypeError('islice expected at most 4 arguments, got ' + str(len(args) + 1))
        if stop is not None and (not isinstance(stop, int) or stop < 0):
            raise ValueError('Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
        if start is not None and (not isinstance(start, int) or start < 0):
            raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
        if step is not None and (not isinstance(step, int) or step <= 0):
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = _islice(iter(iterable), start or 0, 9223372036854775807 if stop is None else stop, step or 1)

def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    return iter(result)

def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    out = []
    def build(prefix, used):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in range(n):
            if i not in used:
                build(prefix + [i], used | {i})
    if r <= n:
        build([], set())
    return iter(out)

def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    out = []
    def build(start, prefix):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in range(start, n):
            build(i + 1, prefix + [i])
    if r <= n:
        build(0, [])
    return iter(out)

class groupby:
    def __init__(self, iterable, key=None):
        self._keyfunc = (lambda x: x) if key is None else key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = object()
    def __iter__(self):
        return self
    def __next__(self):
        self._id = object()
        while self._currkey == self._tgtkey:
            self._currvalue = next(self._it)
            self._currkey = self._keyfunc(self._currvalue)
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._id))
    def _grouper(self, tgtkey, id):
        while self._id is id and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._currvalue = next(self._it)
            except StopIteration:
                return
            self._currkey = self._keyfunc(self._currvalue)

def _zip_longest(iterators, fillvalue):
    remaining = len(iterators)
    if not remaining:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                remaining -= 1
                if not remaining:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)

class zip_longest(_iterator):
    def __init__(self, *iterables, fillvalue=None):
        self._it = _zip_longest([iter(it) for it in iterables], fillvalue)

def _accumulate(iterable, func, initial):
    total = initial
    if initial is None:
        started = False
        for element in iterable:
            total = element
            started = True
            break
        if not started:
            return
    yield total
    for element in iterable:
        total = total + element if func is None else func(total, element)
        yield total

class accumulate(_iterator):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = _accumulate(iter(iterable), func, initial)

def _starmap(function, iterable):
    for args in iterable:
        yield function(*args)

class starmap(_iterator):
    def __init__(self, function, iterable):
        self._it = _starmap(function, iterable)

def _takewhile(predicate, iterable):
    for x in iterable:
        if not predicate(x):
            return
        yield x

class takewhile(_iterator):
    def __init__(self, predicate, iterable):
        self._it = _takewhile(predicate, iterable)

def _dropwhile(predicate, iterable):
    dropping = True
    for x in iterable:
        if dropping and predicate(x):
            continue
        dropping = False
        yield x

class dropwhile(_iterator):
    def __init__(self, predicate, iterable):
        self._it = _dropwhile(predicate, iterable)

def _filterfalse(predicate, iterable):
    for x in iterable:
        if not (x if predicate is None else predicate(x)):
            yield x

class filterfalse(_iterator):
    def __init__(self, predicate, iterable):
        self._it = _filterfalse(predicate, iterable)

def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d

class compress(_iterator):
    def __init__(self, data, selectors):
        self._it = _compress(data, selectors)

def _pairwise(iterable):
    first = True
    for b in iterable:
        if not first:
            yield (a, b)
        a = b
        first = False

class pairwise(_iterator):
    def __init__(self, iterable):
        self._it = _pairwise(iterable)

def tee(iterable, n=2):
    it = iter(iterable)
    queues = [[] for _ in range(n)]
    def gen(q):
        while True:
            if not q:
                try:
                    value = next(it)
                except StopIteration:
                    return
                for other in queues:
                    other.append(value)
            yield q.pop(0)
    return tuple(gen(q) for q in queues)
"""#

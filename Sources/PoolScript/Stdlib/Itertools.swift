/// `itertools`: `count`, `cycle` and `repeat` are iterators (a `for` loop asks them one item at a time, so
/// `for i in count(): ... break` works); the others materialise their items into a list iterator, which is
/// what they yield in CPython, only computed at once. `list(count())` runs into the step budget, as it never
/// ends in CPython.
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

def _take(iterable, n):
    if isinstance(iterable, (count, cycle)) or (isinstance(iterable, repeat) and iterable._times is None):
        out = []
        for _ in range(n):
            try:
                out.append(iterable.__next__())
            except StopIteration:
                break
        return out
    return list(iterable)[:n]

def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
    elif len(args) == 2:
        start, stop, step = args[0], args[1], 1
    else:
        start, stop, step = args[0], args[1], args[2]
    start = 0 if start is None else start
    step = 1 if step is None else step
    if stop is None:
        items = list(iterable)
    else:
        items = _take(iterable, stop)
    return iter(items[start:stop:step])

class chain:
    def __init__(self, *iterables):
        self._items = []
        for it in iterables:
            self._items.extend(list(it))
    def __iter__(self):
        return iter(self._items)
    def __next__(self):
        if not self._items:
            raise StopIteration
        return self._items.pop(0)
    @staticmethod
    def from_iterable(iterables):
        return chain(*list(iterables))

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

def groupby(iterable, key=None):
    out = []
    for item in iterable:
        k = item if key is None else key(item)
        if out and out[-1][0] == k:
            out[-1][1].append(item)
        else:
            out.append((k, [item]))
    return iter([(k, iter(items)) for k, items in out])

def zip_longest(*iterables, fillvalue=None):
    lists = [list(it) for it in iterables]
    n = max([len(l) for l in lists], default=0)
    return iter([tuple(l[i] if i < len(l) else fillvalue for l in lists) for i in range(n)])

def accumulate(iterable, func=None, *, initial=None):
    out = [] if initial is None else [initial]
    total = initial
    first = initial is None
    for item in iterable:
        if first:
            total = item
            first = False
        elif func is None:
            total = total + item
        else:
            total = func(total, item)
        out.append(total)
    return iter(out)

def starmap(function, iterable):
    return iter([function(*args) for args in iterable])

def takewhile(predicate, iterable):
    out = []
    for item in iterable:
        if not predicate(item):
            break
        out.append(item)
    return iter(out)

def dropwhile(predicate, iterable):
    out = []
    dropping = True
    for item in iterable:
        if dropping and predicate(item):
            continue
        dropping = False
        out.append(item)
    return iter(out)

def filterfalse(predicate, iterable):
    if predicate is None:
        return iter([x for x in iterable if not x])
    return iter([x for x in iterable if not predicate(x)])

def compress(data, selectors):
    return iter([d for d, s in zip(data, selectors) if s])

def pairwise(iterable):
    items = list(iterable)
    return iter([(items[i], items[i + 1]) for i in range(len(items) - 1)])

def tee(iterable, n=2):
    items = list(iterable)
    return tuple(iter(list(items)) for _ in range(n))
"""#

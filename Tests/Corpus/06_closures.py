# def and closures: inner functions see names of the enclosing scope, defaults, returns,
# functions as values, and a counter kept in a list cell.
def make_adder(k):
    def add(x):
        return x + k
    return add

add5 = make_adder(5)
print(add5(1), make_adder(10)(2))

def counter():
    state = [0]
    def bump():
        state[0] += 1
        return state[0]
    return bump

c = counter()
c()
c()
print(c())

def greet(name, greeting="hello"):
    return f"{greeting}, {name}"

print(greet("pool"), greet("pool", greeting="hi"))

base = 100
def uses_outer():
    return base + 1
print(uses_outer())

def no_return():
    pass
print(no_return())
fns = [make_adder(i) for i in range(3)]
print([f(10) for f in fns])

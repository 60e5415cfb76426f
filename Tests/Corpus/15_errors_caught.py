# CPython's error messages, caught and printed as `print(type(e).__name__, e)`.
import httpx

def attempt(n):
    try:
        if n == 0:
            undefined_name
        elif n == 1:
            httpx.Limits().max_conections
        elif n == 2:
            httpx.Limits(max_conections=5)
        elif n == 3:
            1 / 0
        elif n == 4:
            [1, 2][5]
        elif n == 5:
            {"a": 1}["b"]
        elif n == 6:
            int("abc")
        elif n == 7:
            "a" + 1
        elif n == 8:
            len(5)
        elif n == 9:
            None.foo
        elif n == 10:
            [].nope
        elif n == 11:
            1 + "a"
        elif n == 12:
            float("x")
        elif n == 13:
            "abc".index("z")
        elif n == 14:
            not_callable = 5
            not_callable()
        elif n == 15:
            10 % 0
        elif n == 16:
            httpx.Limits(5)
        elif n == 17:
            divmod(1.0, 0)
        elif n == 18:
            1.5 // 0
        elif n == 19:
            "abc".uper()
    except Exception as e:
        print(type(e).__name__, e)

for n in range(20):
    attempt(n)

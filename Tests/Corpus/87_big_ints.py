# Ints never overflow: powers, factorials, big literals, int() of long strings, mixing with floats,
# hashing, formatting, and CPython's own OverflowError when a huge int becomes a float.
print(2 ** 100, -2 ** 63 - 1, 2 ** 64 // 3, 10 ** 30 % 7)
def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result
print(factorial(30), len(str(factorial(100))))
big = 123456789012345678901234567890
print(big * big, big // 10 ** 20, -big % 97, divmod(big, 10 ** 15))
print(int("98765432109876543210"), int("-" + "9" * 25), int("ff" * 10, 16), hex(2 ** 80), bin(2 ** 65))
print(2 ** 100 + 0.5, 2 ** 70 / 2 ** 60, 2 ** 64 == 2.0 ** 64, 2 ** 53 + 1 == 2.0 ** 53, 10 ** 20 > 1e19)
print(f"{2 ** 96:,}", f"{3 ** 50:_}", f"{-(2 ** 70):>30}", f"{2 ** 70:e}", "%d" % 2 ** 90)
print(hash(2 ** 100), hash(2 ** 61 - 1), {2 ** 100: "big"}[2.0 ** 100], sorted([2 ** 70, -2 ** 70, 1]))
print(pow(3, 200, 1000), abs(-2 ** 100), round(123456789012345678901, -10), max(2 ** 64, 1.5))
print(9223372036854775807 + 1, -9223372036854775808 - 1, (2 ** 64).bit_length(), type(2 ** 64).__name__)
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError:", e)
try:
    [0][2 ** 100]
except IndexError as e:
    print("IndexError:", e)
print(2 ** 2000 / 3)

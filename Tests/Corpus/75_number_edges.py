# Numbers at the edges of what PoolPlay supports (its ints are 64-bit): float reprs of large and small
# values, rounding half to even, string conversions, signs of floor division and modulo, pow.
print(1e15 + 0.3, 1e16 + 1, 2.5e-300 * 1e-10, 1.7976931348623157e308, 5e-324)
print(0.1 * 0.1, 1 - 0.9, 3 * 0.1 == 0.3, abs(3 * 0.1 - 0.3) < 1e-9, 0.5 + 0.25)
print(round(0.5), round(1.5), round(-0.5), round(2.675, 2), round(1e17), round(7, -1))
print(float("1_000.5"), float(" -12 "), float("1e-3"), int("0x1f", 16), int("101", 2), int("-7"))
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7.5 // 2, -7.5 % 2, 2 ** 0.5 * 2 ** 0.5)
print(10 / 3 * 3, 1 / 3 + 1 / 3 + 1 / 3, 100 / 7, 22 / 7, 9.99 * 3)
print(max(1, 1.0), min(1.0, 1), 1 == 1.0 == True, sorted([3, 1.5, 2, -0.5]))
print(int(2.9999), int(-2.9999), float(10 ** 15), 12345678901234567 * 1.0, 3.0 // 2)
print(sum([0.1] * 10), sum([1, 2.5, 3]), abs(-7.25), pow(2, 10), pow(2, -2), pow(7, 2, 5))

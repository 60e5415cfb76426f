# Subscripts and slices on lists, tuples and strings, with negative indices and steps.
nums = list(range(10))
print(nums[2:5], nums[:3], nums[7:], nums[-3:], nums[::2], nums[::-1], nums[1:8:3])
print(nums[-1], nums[5:2], nums[100:])
word = "connection"
print(word[:4], word[-4:], word[::-1], word[2:8:2])
pair = (1, 2, 3, 4)
print(pair[1:3], pair[::-1])
nums[0:3] = ["a"]
print(nums)
matrix = [[1, 2], [3, 4]]
print(matrix[1][0], matrix[-1][-1])

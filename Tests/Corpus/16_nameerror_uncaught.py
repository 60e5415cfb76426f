# A misspelt name that is not defined anywhere ends the script with CPython's NameError.
limits_value = 5
print("before")
print(totally_unknown_thing)

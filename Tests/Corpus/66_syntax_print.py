# Python 2 print: SyntaxError with the "Did you mean print(...)?" text.
limits = 5
print "hi"

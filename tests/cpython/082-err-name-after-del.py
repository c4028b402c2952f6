# NameError after del of a name
payload = [1, 2, 3]
print(len(payload))
del payload
print('deleted')
print(payload)

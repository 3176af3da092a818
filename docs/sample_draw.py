import hashlib, sys
seed, n = sys.argv[1], int(sys.argv[2])
keys = {line.strip() for line in sys.stdin if line.strip()}
ranked = sorted(keys, key=lambda k: (hashlib.sha256(f"{seed}:{k}".encode()).hexdigest(), k))
print("\n".join(ranked[:n]))

#!/usr/bin/env python3
"""Hit rate of an LRU page cache under the bench's Zipf load (random-articles.lua, s = 1.1).

  python3 docs/bench/zipf-hits.py [paths] [requests] [warm-up requests] [cache entries ...]

Defaults: a million paths, 45,000 requests counted after 15,000 of warm-up (about what
bench.sh sends in its 2 s + 8 s at 4,000-6,000 req/s), caches of 5,800 to 22,000 pages.
It tells whether misses come from the cache's size or from first requests within the run.
"""
import bisect
import collections
import random
import sys


def main():
    args = [int(a) for a in sys.argv[1:]]
    paths = args[0] if len(args) > 0 else 1_000_000
    counted = args[1] if len(args) > 1 else 45_000
    warm = args[2] if len(args) > 2 else 15_000
    sizes = args[3:] or [5_800, 11_000, 14_000, 22_000]
    weights = [k ** -1.1 for k in range(1, paths + 1)]
    total = sum(weights)
    cdf, running = [], 0.0
    for w in weights:
        running += w
        cdf.append(running / total)
    for size in sizes:
        random.seed(1)
        lru, hits = collections.OrderedDict(), 0
        for i in range(warm + counted):
            k = bisect.bisect_left(cdf, random.random())
            if k in lru:
                lru.move_to_end(k)
                hits += i >= warm
            else:
                lru[k] = True
                if len(lru) > size:
                    lru.popitem(last=False)
        print(f"{size:7d} entries: hit rate {hits / counted:.3f}")


if __name__ == "__main__":
    main()

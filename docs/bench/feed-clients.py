#!/usr/bin/env python3
"""N wire clients long-polling GET /api/v1/feed, for bench.sh --feed-clients N.

Each client follows next_page from the newest change on, as docs/api.md says a client
does, for DURATION seconds, and notes when each entry arrived. At the end it prints one
line: how many (client, change) arrivals it saw and their delay from the change's commit
(recorded_at) to its arrival, median, 99th percentile and maximum, in milliseconds.
The portal and this script share the machine's clock. Loopback only: it refuses any
other address.

Usage: feed-clients.py URL KEYS CLIENTS DURATION_SECONDS

KEYS is one key or several joined by commas; client i uses key i modulo their number.
Each client newsroom has a key of its own in practice, and every request locks its key's
row for the rate limit, so a bench that shares one key among many clients measures that
lock rather than the feed.
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime


def main():
    url, keys, clients, duration = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3]), float(sys.argv[4])
    host = urllib.parse.urlsplit(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("feed-clients.py: loopback only, not " + url)
    until = time.time() + duration
    delays, errors, lock = [], [], threading.Lock()

    def follow(key):
        cursor = None
        while time.time() < until:
            query = "cursor=" + cursor if cursor else "since=2999-01-01T00:00:00Z"
            request = urllib.request.Request(url + "/api/v1/feed?limit=500&" + query,
                                             headers={"Authorization": "Bearer " + key})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    page = json.load(response)
            except (urllib.error.URLError, OSError, ValueError) as ex:
                with lock:
                    errors.append(str(ex))
                time.sleep(1)
                continue
            arrived = time.time()
            for entry in page["entries"]:
                recorded = datetime.fromisoformat(entry["recorded_at"].replace("Z", "+00:00")).timestamp()
                with lock:
                    delays.append(arrived - recorded)
            cursor = page["next_page"]

    threads = [threading.Thread(target=follow, args=(keys[i % len(keys)],), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + 40)
    delays.sort()

    def quantile(q):
        return 1000 * delays[min(len(delays) - 1, int(q * len(delays)))] if delays else float("nan")

    print("%d arrivals at %d clients; delay from commit p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d errors"
          % (len(delays), clients, quantile(0.5), quantile(0.99), 1000 * delays[-1] if delays else float("nan"),
             len(errors)))


if __name__ == "__main__":
    main()

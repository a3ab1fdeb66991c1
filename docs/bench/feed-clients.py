#!/usr/bin/env python3
"""N wire clients long-polling GET /api/v1/feed, for bench.sh --feed-clients N.

Each client starts with since= the moment the script started and follows next_page, as
docs/api.md says a client does, over one keep-alive connection of its own, until
DURATION seconds have passed or the script gets SIGTERM or SIGINT. At the end it prints one line: how many (client,
change) arrivals it saw, their delay from the change's commit to its arrival, median,
99th percentile and maximum, whether every change reached every client once and in
order (a change is known by its position, its place in the record), and the CPU time
this script used.

The delay runs from the entry's recorded_at, stamped by the portal's Changes.write in the
writethru's transaction right before it commits, to the moment this script has read the
last byte of the answer that carries the entry (time.time() when the socket delivered
it, before the answer is parsed). The portal and this script share the machine's clock.

All clients run in one thread on one asyncio event loop over plain sockets, and an answer
is read only for what the measurement needs (next_page, each entry's position and
recorded_at), so the clients take little of the CPU the portal and the readers' wrk
share with them: the CPU line says how little. Loopback only: it refuses any other
address.

Usage: feed-clients.py URL KEYS CLIENTS DURATION_SECONDS

KEYS is one key or several joined by commas; client i uses key i modulo their number.
Each client newsroom has a key of its own in practice, and every request locks its key's
row for the rate limit, so a bench that shares one key among many clients measures that
lock rather than the feed. Once every client has sent its first request, the script
writes "N clients waiting" to standard error.
"""
import asyncio
import os
import re
import signal
import sys
import time
import urllib.parse
from datetime import datetime, timezone

# The ninjs 2.2 page as StoryItems writes it: {"entries":[{"position":..,"change":..,
# "recorded_at":..,"item":{..}},..],"next_page":".."}.
ENTRY = re.compile(rb'"position":"([0-9a-f]+)","change":"[^"]*","recorded_at":"([^"]+)"')
NEXT_PAGE = re.compile(rb'"next_page":"([0-9a-f]+)"\}\s*$')
CONTENT_LENGTH = re.compile(rb"\r\ncontent-length: *([0-9]+)", re.IGNORECASE)


class Results:

    def __init__(self):
        self.delays = []
        self.errors = []
        self.reconnects = 0
        self.seen = {}  # position -> [recorded_at, clients that received it]
        self.duplicates = 0
        self.out_of_order = 0


class Client(asyncio.Protocol):
    """One client: one connection, one request at a time, the next as soon as an answer is read."""

    def __init__(self, number, host, port, key, since, results, stopping):
        self.number, self.host, self.port, self.results, self.stopping = number, host, port, results, stopping
        self.since = since
        self.auth = ("Authorization: Bearer " + key + "\r\n").encode()
        self.cursor = None
        self.last_position = b""
        self.transport = None
        self.buffer = bytearray()
        self.head_end = -1
        self.length = -1
        self.closed = None
        self.first_sent = asyncio.get_running_loop().create_future()

    async def run(self):
        loop = asyncio.get_running_loop()
        while not self.stopping.is_set():
            self.closed = loop.create_future()
            try:
                await loop.create_connection(lambda: self, self.host, self.port)
            except OSError as ex:
                self.results.errors.append(str(ex))
                await asyncio.sleep(1)
                continue
            await self.closed
            if not self.stopping.is_set():
                self.results.reconnects += 1

    def connection_made(self, transport):
        self.transport = transport
        self.send()

    def send(self):
        query = "cursor=" + self.cursor if self.cursor else "since=" + self.since
        self.buffer.clear()
        self.head_end = self.length = -1
        self.transport.write(b"GET /api/v1/feed?limit=500&" + query.encode() + b" HTTP/1.1\r\nHost: "
                             + self.host.encode() + b"\r\n" + self.auth + b"\r\n")
        if not self.first_sent.done():
            self.first_sent.set_result(None)

    def data_received(self, data):
        self.buffer += data
        if self.head_end < 0:
            self.head_end = self.buffer.find(b"\r\n\r\n")
            if self.head_end < 0:
                return
            length = CONTENT_LENGTH.search(self.buffer, 0, self.head_end)
            # The portal sends every feed answer with its length (a byte array, no gzip asked).
            self.length = int(length.group(1)) if length else 0
        if len(self.buffer) < self.head_end + 4 + self.length:
            return
        arrived = time.time()
        status = bytes(self.buffer[9:12])
        body = bytes(self.buffer[self.head_end + 4:self.head_end + 4 + self.length])
        next_page = NEXT_PAGE.search(body) if status == b"200" else None
        if next_page:
            self.answered(body, arrived, next_page.group(1).decode())
            self.again()
        else:
            self.results.errors.append(status.decode() + " " + body[:200].decode(errors="replace"))
            asyncio.get_running_loop().call_later(1, self.again)

    def answered(self, body, arrived, next_page):
        for position, recorded_at in ENTRY.findall(body):
            recorded = datetime.fromisoformat(recorded_at.decode().replace("Z", "+00:00")).timestamp()
            self.results.delays.append(arrived - recorded)
            receivers = self.results.seen.setdefault(position, [recorded, set()])[1]
            if self.number in receivers:
                self.results.duplicates += 1
            receivers.add(self.number)
            if position <= self.last_position:
                self.results.out_of_order += 1
            self.last_position = position
        self.cursor = next_page

    def again(self):
        if not self.stopping.is_set() and not self.transport.is_closing():
            self.send()

    def connection_lost(self, exc):
        if not self.closed.done():
            self.closed.set_result(None)


async def follow(url, keys, clients, duration):
    split = urllib.parse.urlsplit(url)
    host, port = split.hostname, split.port or 80
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("feed-clients.py: loopback only, not " + url)
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, stopping.set)
    loop.call_later(duration, stopping.set)
    results = Results()
    started = time.time()
    # Every client starts where the script did, so a change committed since must reach
    # every one of them. Starting at the newest change instead left a change committed
    # while 200 first requests were queued known to some clients and not to others.
    since = datetime.fromtimestamp(started, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    population = [Client(i, host, port, keys[i % len(keys)], since, results, stopping) for i in range(clients)]
    tasks = [loop.create_task(client.run()) for client in population]
    await asyncio.gather(*(client.first_sent for client in population))
    print("%d clients waiting" % clients, file=sys.stderr, flush=True)
    await stopping.wait()
    stopped = time.time()
    for client in population:
        if client.transport:
            client.transport.close()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results, started, stopped


def main():
    url, keys, clients, duration = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3]), float(sys.argv[4])
    cpu_before = os.times()
    results, started, stopped = asyncio.run(follow(url, keys, clients, duration))
    cpu_after = os.times()
    cpu = (cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system)
    delays = sorted(results.delays)

    def quantile(q):
        return 1000 * delays[min(len(delays) - 1, int(q * len(delays)))] if delays else float("nan")

    # Every client started before these changes were committed and had 2 s left to
    # receive them; one that has not by the end counts as not arrived.
    judged = [receivers for recorded, receivers in results.seen.values() if started < recorded < stopped - 2]
    missing = sum(clients - len(receivers) for receivers in judged)
    print("%d arrivals at %d clients; delay from commit p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
          "%d changes to reach all %d clients: %d (client, change) not arrived by the end, %d twice, %d out of order; "
          "%d errors, %d reconnects; the clients' CPU %.1f s in %.0f s (%.0f %% of one core)"
          % (len(delays), clients, quantile(0.5), quantile(0.99), 1000 * delays[-1] if delays else float("nan"),
             len(judged), clients, missing, results.duplicates, results.out_of_order, len(results.errors),
             results.reconnects, cpu, stopped - started, 100 * cpu / max(stopped - started, 1e-9)))
    for error in results.errors[:3]:
        print("error: " + error, file=sys.stderr)


if __name__ == "__main__":
    main()

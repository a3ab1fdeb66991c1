#!/usr/bin/env python3
"""Webhook receivers for bench.sh --push-endpoints N: N endpoints, one change a second.

Starts one small receiver process (Python's threading HTTP server on loopback, one path
per endpoint), signs in to the desk, adds a wire client receiving every section and N
webhook endpoints for it through the desk's forms, then:

1. posts a writethru through the desk once a second for DURATION seconds, and measures
   each delivery's delay from the change's commit (its recorded_at) to its receipt;
2. has every receiver answer 503 (Retry-After: 1), posts DRAIN writethrus as fast as the
   desk takes them (N x DRAIN deliveries queue up), lets the receivers answer 2xx again
   and measures how long the portal takes until every one of them has arrived.

Prints one line per phase. The portal must allow plain http to 127.0.0.1
(--newswire.push.allow-http=true --newswire.push.allowed-networks=127.0.0.1/32, as
bench.sh starts it). The portal and this script share the machine's clock. Loopback
only. Signatures are not checked here (the tests do that); ids are deduplicated.

Usage: push-receivers.py URL DESK_USER DESK_PASSWORD ENDPOINTS DURATION_SECONDS DRAIN
"""
import http.cookiejar
import http.server
import json
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime
from html.parser import HTMLParser


class Form(HTMLParser):
    """The fields a browser would send for the form posting to one action."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields, self.checkboxes, self.select = action, False, [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action
        elif not self.inside or "name" not in a and tag != "option":
            return
        elif tag == "input":
            kind = a.get("type", "text")
            if kind == "checkbox":
                self.checkboxes.append((a["name"], a.get("value", "on"), "checked" in a))
            elif kind == "radio":
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button"):
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None


class Desk:
    def __init__(self, url, user, password):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect())
        page = self.get("/desk/login")
        self.post("/desk/login", {"username": user, "password": password, "_csrf": csrf(page)})

    def get(self, path):
        with self.opener.open(self.url + path, timeout=30) as response:
            return response.read().decode()

    def post(self, path, fields):
        data = urllib.parse.urlencode(list(fields.items()) if isinstance(fields, dict) else fields).encode()
        try:
            with self.opener.open(self.url + path, data=data, timeout=30) as response:
                return response.status, response.headers.get("Location"), response.read().decode()
        except urllib.error.HTTPError as answer:
            if answer.code in (301, 302, 303):
                return answer.code, answer.headers.get("Location"), ""
            raise

    def form(self, path, action, tick=lambda name, value, checked: checked, **typed):
        form = Form(action)
        form.feed(self.get(path))
        fields = [(name, typed.get(name, value)) for name, value in form.fields]
        fields += [(name, value) for name, value, checked in form.checkboxes if tick(name, value, checked)]
        return self.post(action, fields)

    def writethru(self, article, headline):
        page = self.get("/desk/articles/%s/writethru" % article)
        base = re.search(r'name="baseSequence" value="(\d+)"', page).group(1)
        status, location, _ = self.post("/desk/articles/%s/writethru" % article, {
            "_csrf": csrf(page), "baseSequence": base, "kind": "WRITETHRU", "headline": headline,
            "ednote": "Eds: UPDATES for the push bench", "urgency": "4", "action": "publish",
            "body": "The push bench filed this version. It says little, on purpose."})
        if status != 302 or not (location or "").endswith("/desk"):
            sys.exit("push-receivers.py: the desk did not take a writethru (%s %s)" % (status, location))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def main():
    url, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
    endpoints, duration, drain = int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
    if urllib.parse.urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("push-receivers.py: loopback only, not " + url)
    lock = threading.Lock()
    state = {"busy": False}
    arrived = {}  # webhook-id -> (receipt time, recorded_at in Unix seconds)

    class Receiver(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            now = time.time()
            if state["busy"]:
                self.send_response(503)
                self.send_header("Retry-After", "1")
            else:
                self.send_response(204)
                try:
                    recorded = datetime.fromisoformat(json.loads(body)["recorded_at"].replace("Z", "+00:00")).timestamp()
                except (ValueError, KeyError, TypeError):
                    recorded = None
                with lock:
                    arrived.setdefault(self.headers.get("webhook-id"), (now, recorded))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]

    desk = Desk(url, user, password)
    _, location, _ = desk.form("/desk/clients", "/desk/clients", name="Push bench %d" % time.time(),
                               contact="bench@receiver.example",
                               tick=lambda name, value, checked: checked or name == "sections")
    client = urllib.parse.urlsplit(location).path
    for n in range(endpoints):
        action = client + "/endpoints/new"
        status, _, page = desk.form(action, action, url="http://127.0.0.1:%d/hook/%d" % (port, n))
        if status != 200 or "whsec_" not in page:
            sys.exit("push-receivers.py: endpoint %d not added (%s)" % (n, status))
    article = re.search(r"/desk/articles/(\d+)/writethru", desk.get("/desk")).group(1)

    # 1. One change a second.
    print("%d endpoints added; a writethru a second for %d s" % (endpoints, duration), file=sys.stderr, flush=True)
    start = time.time()
    for n in range(int(duration)):
        desk.writethru(article, "Push bench writethru %d" % n)
        time.sleep(max(0.0, start + n + 1 - time.time()))
    expected = endpoints * int(duration)
    # Every delivery of this phase counts, however late; the drain starts on an empty queue.
    waited = time.time()
    while len(arrived) < expected and time.time() - waited < 600:
        time.sleep(0.05)
    with lock:
        delays = sorted(now - recorded for now, recorded in arrived.values() if recorded)

    def quantile(q):
        return 1000 * delays[min(len(delays) - 1, int(q * len(delays)))] if delays else float("nan")

    print("Push, %d endpoints, a writethru a second for %d s: %d of %d deliveries arrived; commit to receipt "
          "p50 %.0f ms, p99 %.0f ms, max %.0f ms" % (endpoints, duration, len(delays), expected, quantile(0.5),
                                                       quantile(0.99), 1000 * delays[-1] if delays else float("nan")),
          flush=True)

    # 2. A queue of endpoints x drain deliveries, held back by 503s, then let go.
    state["busy"] = True
    queued_from = time.time()
    for n in range(drain):
        desk.writethru(article, "Push bench queued writethru %d" % n)
    time.sleep(5)
    state["busy"] = False
    released = time.time()
    queued = endpoints * drain

    def drained():
        with lock:
            return [now for now, recorded in arrived.values() if recorded and recorded >= queued_from]

    while len(drained()) < queued and time.time() - released < 600:
        time.sleep(0.05)
    times = drained()
    print("Push drain: %d of %d deliveries queued behind 503s arrived %.1f s after the receivers answered 2xx "
          "again (the first retry waits out Retry-After: 1)" % (len(times), queued, max(times, default=released)
                                                                 - released), flush=True)
    server.shutdown()


if __name__ == "__main__":
    main()

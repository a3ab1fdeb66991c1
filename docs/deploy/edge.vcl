# The edge: Varnish 7.1 with xkey (Debian's varnish and varnish-modules) between nginx
# and the Newswire nodes. It holds every reader page, feed and ninjs answer the nodes mark
# cacheable (org.newswire.pagecache.EdgeCaching says how long), drops them when a node
# soft-purges their tags, assembles pages with the live ticker (ESI) and answers from
# its copies while no node does. docs/deploy/varnishd.sh starts it with its ports put in;
# docs/operations.md describes it.
vcl 4.1;

import directors;
import std;
import xkey;

# A node is in rotation while it answers the live fragment: served from its memory, it
# costs a node nothing, and it answers only once the node can serve pages. While no node
# is in rotation, readers get the copies held, however stale (vcl_recv), so a busy node
# must not drop out for a slow answer or two: it takes three failures of the last five.
# A node that stops is noticed at once anyway: a fetch from it fails, and the reader gets
# the held copy (vcl_synth).
probe fragment {
    .url = "/fragments/ticker";
    .interval = 1s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

backend node1 {
    .host = "127.0.0.1";
    .port = "8080";
    .probe = fragment;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

backend node2 {
    .host = "127.0.0.1";
    .port = "8082";
    .probe = fragment;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

# The edge itself, asked for a page to assemble (vcl_recv): its second listen address,
# named "assembly", a Unix socket beside its working directory, whose path varnishd.sh
# puts in.
backend assembly {
    .path = "/var/lib/varnish/newswire/assembly.sock";
}

# Who may purge: the nodes (newswire.edge.purge-urls) and whoever runs the edge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node1);
    nodes.add_backend(node2);
}

sub vcl_recv {
    set req.backend_hint = nodes.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # Soft: the copies stay, stale, for conditional fetches and for outages.
        if (req.http.xkey-softpurge) {
            set req.http.n-gone = xkey.softpurge(req.http.xkey-softpurge);
            return (synth(200, "Soft-purged " + req.http.n-gone));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone));
        }
        return (synth(400, "Name the tags in xkey-softpurge or xkey-purge"));
    }
    # The edge's own marks; a reader's would be believed by the nodes.
    unset req.http.Surrogate-Capability;
    if (req.restarts == 0 && local.socket != "assembly") {
        unset req.http.X-Newswire-Stale;
    }
    # The live ticker stream: bytes both ways as they come, for as long as it stays open.
    if (req.url ~ "^/ticker/stream(\?|$)") {
        return (pipe);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The desk is per editor; the machine API per client key: neither is ever kept.
    if (req.url ~ "^/(desk|api/v1)(/|\?|$)" || req.http.Authorization || req.http.X-Api-Key) {
        return (pass);
    }
    # Only the desk reads cookies (its own are bound to /desk); others must not split
    # or bypass the cache.
    unset req.http.Cookie;
    if (req.http.X-Newswire-Stale) {
        # No node answered: any copy will do.
        set req.grace = 7d;
    }
    elsif (std.healthy(req.backend_hint)) {
        # A node answers, so a purged or expired copy is fetched again (the readers
        # asking meanwhile wait for that one fetch) rather than served stale.
        set req.grace = 0s;
    }
    # Two layers. Readers get copies held whole: a hit is one lookup and one write, as
    # fast as the copy of a page with nothing to assemble. A reader's page missing there
    # is asked of the edge itself ("assembly"), which holds the page bodies as the nodes
    # sent them, includes the ticker fragment (ESI) and passes the page up to be kept
    # whole. A ticker change drops the whole copies and the fragment, not the bodies: the
    # nodes are asked for one fragment, and each page is assembled again here once.
    # Assembling for every reader instead took half the edge's speed (docs/benchmark.md).
    if (local.socket != "assembly") {
        set req.backend_hint = assembly;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    }
    else {
        hash_data(server.ip);
    }
    # Pages carry absolute links: one for http and one for https.
    hash_data(req.http.X-Forwarded-Proto);
    # The bodies and the fragment apart from the whole pages made of them.
    if (local.socket == "assembly") {
        hash_data("assembly");
    }
    return (lookup);
}

sub vcl_pipe {
    # One stream per connection: nothing else may follow it to the node unseen.
    set bereq.http.Connection = "close";
}

sub vcl_backend_fetch {
    # Kept uncompressed: assembling a page then costs no gunzip for each reader, and
    # nginx in front compresses for those who ask (measured in docs/benchmark.md).
    unset bereq.http.Accept-Encoding;
    # A copy served stale while no node answers (vcl_recv) is not fetched again behind
    # the reader: it would come back the same, assembled from the copies held, at the
    # price of a body read and a new copy for every page readers ask for in an outage.
    if (bereq.is_bgfetch && !std.healthy(nodes.backend())) {
        return (abandon);
    }
    if (bereq.backend == assembly) {
        # A whole page is assembled anew: a body the nodes did not change may come with
        # a ticker that did, so no 304 from the layer below.
        unset bereq.http.If-None-Match;
        unset bereq.http.If-Modified-Since;
        return (fetch);
    }
    # Pages come with an include where the ticker goes; the edge assembles them.
    if (bereq.method == "GET" || bereq.method == "HEAD") {
        set bereq.http.Surrogate-Capability = {"edge="ESI/1.0""};
    }
}

# What readers get, made ready once per copy of the layer above rather than at each
# hit: s-maxage and stale-if-error are the edge's alone (caches beyond it are never
# purged), and a browser revalidating an assembled page must get the ticker of now, not
# a 304, so it has no validators.
sub ready_for_readers {
    if (bereq.backend == assembly) {
        # The layer below's marks on its answer, kept with the copy: readers get the
        # ones this layer adds (vcl_deliver).
        unset beresp.http.Via;
        unset beresp.http.X-Varnish;
        if (beresp.http.X-Newswire-Assembled) {
            unset beresp.http.X-Newswire-Assembled;
            unset beresp.http.ETag;
            unset beresp.http.Last-Modified;
        }
        set beresp.http.Cache-Control = regsuball(beresp.http.Cache-Control,
            ", (s-maxage|stale-if-error)=[0-9]+", "");
    }
}

sub vcl_backend_response {
    # The include a node wrote where the ticker goes, as vcl_backend_fetch asked: the
    # edge assembles the page, kept or not.
    if (beresp.http.Surrogate-Control ~ "ESI/1.0") {
        set beresp.do_esi = true;
    }
    # Surrogate-Control is for the edge alone, and Surrogate-Key for caches that know no
    # xkey (a CDN), with the same tags: dropped once per copy here rather than from each
    # reader's answer.
    unset beresp.http.Surrogate-Control;
    unset beresp.http.Surrogate-Key;
    if (bereq.uncacheable) {
        call ready_for_readers;
        return (deliver);
    }
    if (beresp.status >= 500) {
        # A node failing: the copy held is served instead (vcl_synth restarts for it).
        return (abandon);
    }
    # Only what a node marked public for shared caches is kept; nothing that sets a
    # cookie, whatever it says.
    if (beresp.http.Set-Cookie || !beresp.http.Cache-Control
            || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        call ready_for_readers;
        return (deliver);
    }
    # Grace: served while no node answers, as long as the node allows (stale-if-error,
    # a day), at least an hour.
    set beresp.grace = std.duration(
        regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 1h);
    if (beresp.grace < 1h) {
        set beresp.grace = 1h;
    }
    # Kept a day more for conditional fetches: a purged page that did not change comes
    # back as a 304.
    set beresp.keep = 1d;
    # s-maxage=0: a page a node rendered across a change to it, which may predate the
    # change and its purge. It still replaces the copy held, so it is kept for outages
    # alone (stale-if-error, RFC 5861): expired at once, so readers ask a node again while
    # one answers. Varnish never finds an object whose TTL is zero, hence the millisecond.
    if (beresp.ttl <= 0s) {
        set beresp.ttl = 0.001s;
    }
    if (beresp.do_esi) {
        # Its validators are the body's, not the ticker's it is assembled with.
        set beresp.http.X-Newswire-Assembled = "1";
    }
    # A whole page holds the ticker too: it goes when the ticker fragment does (its tag,
    # org.newswire.ticker's). Its other tags came from the body's copy below, and its
    # TTL and grace from the headers, read above.
    if (bereq.backend == assembly) {
        if (beresp.http.X-Newswire-Assembled) {
            set beresp.http.xkey = beresp.http.xkey + " ticker";
        }
        call ready_for_readers;
        # Where readers are answered from: memory (varnishd.sh's EDGE_MEMORY).
        set beresp.storage = storage.pages;
        return (deliver);
    }
    # The bodies are read only to assemble a page again, after a ticker change or a
    # purge: a file the kernel keeps in memory as far as it can (EDGE_BODIES), so the
    # edge's memory holds each page once, not twice.
    set beresp.storage = storage.bodies;
    # Everything kept answers to "all", so a purger that lost track can purge it all.
    if (beresp.http.xkey) {
        set beresp.http.xkey = beresp.http.xkey + " all";
    }
    else {
        set beresp.http.xkey = "all";
    }
    return (deliver);
}

sub vcl_backend_error {
    # A node that just stopped and the probe has not seen yet: try the other once.
    if (bereq.retries == 0) {
        return (retry);
    }
    return (abandon);
}

sub vcl_deliver {
    if (local.socket == "assembly") {
        # To the layer above, as the node sent it: tags, validators and grace.
        return (deliver);
    }
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    }
    else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    # No node answered a reader's page: once more, taking any copy held.
    if (resp.status == 503 && req.restarts == 0 && (req.method == "GET" || req.method == "HEAD")
            && req.url !~ "^/desk(/|\?|$)" && req.url !~ "^/api/v1(/|\?|$)") {
        set req.http.X-Newswire-Stale = "1";
        return (restart);
    }
    # An include that failed leaves its place empty rather than an error page inside a page.
    if (req.esi_level > 0) {
        set resp.body = "";
        return (deliver);
    }
    unset resp.http.X-Varnish;
    if (resp.status == 503) {
        set resp.http.Content-Type = "text/html; charset=utf-8";
        set resp.http.Cache-Control = "no-store";
        set resp.http.Retry-After = "30";
        set resp.http.Content-Security-Policy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        set resp.body = {"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service unavailable — Newswire</title>
<style>
body { margin: 0; font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; }
header { background: #141414; color: #f4f4f4; padding: 0.75rem 1rem; font-family: Georgia, "Times New Roman", Times, serif; font-size: 1.5rem; }
main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-family: Georgia, "Times New Roman", Times, serif; }
.error-code { color: #555; }
a { color: #0b3d91; }
</style>
</head>
<body>
<header>Newswire</header>
<main id="main">
<h1>Service unavailable</h1>
<p>This part of the site is not available at the moment. Please try again in a few minutes.</p>
<p class="error-code">503 Service Unavailable</p>
<p><a href="/">Go to the front page</a></p>
</main>
</body>
</html>
"};
        return (deliver);
    }
}

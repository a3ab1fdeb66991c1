# Varnish alone (bench.sh --edge): a VCL that only keeps what the app answers, started by
# docs/deploy/varnishd.sh like the edge (EDGE_VCL), with its parameters and log mask. What
# any Varnish page reaches on this machine, so the edge's share of nginx can be read
# against it, as Tomcat alone is for a node's own cache.
vcl 4.1;

import directors;

# The ports varnishd.sh puts in, as in edge.vcl.
backend node1 {
    .host = "127.0.0.1";
    .port = "8080";
}

backend node2 {
    .host = "127.0.0.1";
    .port = "8082";
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node1);
    nodes.add_backend(node2);
}

sub vcl_recv {
    return (hash);
}

sub vcl_backend_fetch {
    set bereq.backend = nodes.backend();
    # Kept as readers get it, as the edge does (no gunzip at each hit).
    unset bereq.http.Accept-Encoding;
}

sub vcl_backend_response {
    # The tags are the edge's: dropped once per copy, as the edge drops them.
    unset beresp.http.xkey;
    unset beresp.http.Surrogate-Key;
    set beresp.ttl = 1h;
    set beresp.storage = storage.pages;
    return (deliver);
}

#!/usr/bin/env bash
# Starts the edge as shipped: varnishd with docs/deploy/edge.vcl, the nodes' ports and its
# assembly socket put in, and the parameters below. cluster.sh, bench.sh --edge and the
# edge tests all start it through here.
#
#   docs/deploy/varnishd.sh DIR PORT NODE1_PORT NODE2_PORT [more varnishd options]
#
# DIR gets the VCL as run (edge.vcl), the assembly socket, the file of the page bodies
# (bodies) and the working directory with the shared-memory log (varnishlog -n DIR/work).
# VARNISHD names the binary (varnishd on the PATH by default), EDGE_VCL another VCL with
# edge.vcl's backends (bench.sh's Varnish alone). The two storages edge.vcl
# puts copies in: EDGE_MEMORY (512m) of memory for the whole pages readers get, and
# EDGE_BODIES (1g) of file for the page bodies they are assembled from; a million
# articles took 11.5g of memory and about 20g of file (docs/operations.md).
#
# Objects are found with the classic hash, a bucket for every object EDGE_MEMORY can hold
# (two a page, the whole page and its body, at about 12 KB a page; EDGE_BUCKETS to set
# it): the default critbit tree, at a million pages, walked 20-odd levels, a cache miss
# each, for a tenth of the edge's CPU under Zipf readers, and with the hash the edge
# answered them a quarter faster (docs/benchmark.md). A bucket costs about 130 bytes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$1 port=$2 node1=$3 node2=$4
shift 4
memory=${EDGE_MEMORY:-512m}
case "$memory" in
*[kK]) bytes=$((${memory%?} << 10)) ;;
*[mM]) bytes=$((${memory%?} << 20)) ;;
*[gG]) bytes=$((${memory%?} << 30)) ;;
*) bytes=$memory ;;
esac
buckets=${EDGE_BUCKETS:-$((bytes / 6144 > 16383 ? bytes / 6144 : 16383))}
mkdir -p "$dir/work"
# As root varnishd drops to its own user, which must reach its working directory.
chmod 755 "$dir"
sed -e "s/\.port = \"8080\";/.port = \"$node1\";/" -e "s/\.port = \"8082\";/.port = \"$node2\";/" \
	-e "s#/var/lib/varnish/newswire/assembly.sock#$dir/assembly.sock#" \
	"${EDGE_VCL:-$here/edge.vcl}" >"$dir/edge.vcl"
# The shared-memory log keeps, of a reader's request, its method, URL and status (enough for
# varnishncsa -F '%m %U%q %s' and varnishlog -q on URLs and PURGE), and all of every fetch
# from the nodes; the rest of each request's record (headers, VCL steps, timestamps) is
# masked: writing it took a fifth of a hit's time. nginx in front logs every reader.
# Unmask while debugging: varnishadm -n DIR/work param.set vsl_mask +ReqHeader,+RespHeader
exec "${VARNISHD:-varnishd}" -a "127.0.0.1:$port" -a "assembly=$dir/assembly.sock,mode=666" -f "$dir/edge.vcl" \
	-n "$dir/work" -s "pages=malloc,$memory" -s "bodies=file,$dir/bodies,${EDGE_BODIES:-1g}" \
	-h "classic,$buckets" \
	-p vsl_mask=-ReqHeader,-RespHeader,-ReqUnset,-RespUnset,-VCL_call,-VCL_return,-Timestamp,-ReqAcct,-ReqStart,-ReqProtocol,-RespProtocol,-RespReason,-Hit \
	"$@"

#!/usr/bin/env bash
# A local Newswire cluster anyone can start: its own PostgreSQL (Debian's postgresql
# package, a data directory of its own), two nodes of the packaged application, the edge
# cache in front of them (Debian's varnish and varnish-modules, docs/deploy/edge.vcl) and
# nginx in front of the edge with docs/deploy/nginx.conf.
#
#   ./mvnw -DskipTests package && docs/deploy/cluster.sh     start; Ctrl-C (or SIGTERM) stops all
#   docs/deploy/cluster.sh stop                              stop one started elsewhere
#
# Ports (change with the variables): nginx 8000 (PROXY_PORT), the edge 6081 (EDGE_PORT),
# nodes 8080 and 8082 (NODE1_PORT, NODE2_PORT), their management ports one above,
# PostgreSQL 5433 (PG_PORT). Everything lives under $NEWSWIRE_CLUSTER_DIR
# (default /tmp/newswire-cluster); delete it to start from an empty database.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${NEWSWIRE_CLUSTER_DIR:-/tmp/newswire-cluster}
proxy_port=${PROXY_PORT:-8000}
edge_port=${EDGE_PORT:-6081}
node_ports=(${NODE1_PORT:-8080} ${NODE2_PORT:-8082})
pg_port=${PG_PORT:-5433}
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}

# PostgreSQL refuses to run as root: as root, its server runs as the postgres user.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop() {
	trap - EXIT
	[ -z "${sleeper:-}" ] || kill "$sleeper" 2>/dev/null || true
	local pids=()
	for pid_file in "$dir"/node-*.pid; do
		[ -f "$pid_file" ] || continue
		pids+=("$(cat "$pid_file")")
		rm -f "$pid_file"
	done
	# SIGTERM: graceful shutdown (readiness DOWN, requests in flight finish), then the
	# database once no node uses it.
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
	done
	if [ -f "$dir/nginx/nginx.pid" ]; then
		nginx -p "$dir/nginx" -c nginx.conf -e logs/error.log -s quit 2>/dev/null || true
	fi
	if [ -f "$dir/edge/varnishd.pid" ]; then
		kill "$(cat "$dir/edge/varnishd.pid")" 2>/dev/null || true
		rm -f "$dir/edge/varnishd.pid"
	fi
	if [ -f "$dir/pg/postmaster.pid" ]; then
		as_pg "$pg_bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null || true
	fi
	echo "Cluster stopped (data kept in $dir)"
}

if [ "${1:-start}" = stop ]; then
	stop
	exit 0
fi

jar=$(ls "$root"/target/newswire-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
if [ -z "$jar" ]; then
	echo "No target/newswire-*.jar: run ./mvnw -DskipTests package first" >&2
	exit 1
fi
mkdir -p "$dir"
chmod 755 "$dir"

# PostgreSQL: a cluster of its own, password sign-in over TCP only.
if [ ! -f "$dir/pg/PG_VERSION" ]; then
	mkdir -p "$dir/pg"
	[ -f "$dir/db-password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$dir/db-password"
	[ "$(id -u)" -ne 0 ] || chown postgres "$dir/pg" "$dir/db-password"
	as_pg "$pg_bin/initdb" -D "$dir/pg" -U newswire --pwfile="$dir/db-password" --auth=scram-sha-256 \
		--encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
fi
db_password=$(cat "$dir/db-password")
trap stop EXIT
trap 'exit 130' INT TERM
as_pg "$pg_bin/pg_ctl" -D "$dir/pg" -o "-p $pg_port -k $dir/pg -c listen_addresses=localhost" \
	-l "$dir/pg/server.log" -w start >/dev/null
PGPASSWORD=$db_password "$pg_bin/psql" -h localhost -p "$pg_port" -U newswire -d postgres -tAq \
	-c "select 1 from pg_database where datname = 'newswire'" | grep -q 1 ||
	PGPASSWORD=$db_password "$pg_bin/createdb" -h localhost -p "$pg_port" -U newswire newswire

# The first admin: configured once, shown once.
if [ ! -f "$dir/admin-password" ]; then
	head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$dir/admin-password"
fi

# Two nodes started together: start-up work (admin, demo content) happens once, under
# the database lock.
for i in 0 1; do
	port=${node_ports[$i]}
	SPRING_PROFILES_ACTIVE=postgres \
	NEWSWIRE_DB_URL="jdbc:postgresql://localhost:$pg_port/newswire" \
	NEWSWIRE_DB_USER=newswire \
	NEWSWIRE_DB_PASSWORD=$db_password \
	NEWSWIRE_ADMIN_USERNAME=admin \
	NEWSWIRE_ADMIN_PASSWORD=$(cat "$dir/admin-password") \
	NEWSWIRE_PUBLICURL="http://localhost:$proxy_port" \
	NEWSWIRE_DEMO_ENABLED=${NEWSWIRE_DEMO_ENABLED:-true} \
	NEWSWIRE_SEARCH_DIRECTORY="$dir/node-$((i + 1))-search" \
	NEWSWIRE_EDGE_PURGEURLS="http://127.0.0.1:$edge_port/" \
	SERVER_PORT=$port \
	MANAGEMENT_SERVER_PORT=$((port + 1)) \
		java ${JAVA_OPTS:-} -jar "$jar" >"$dir/node-$((i + 1)).log" 2>&1 &
	echo $! >"$dir/node-$((i + 1)).pid"
done

# The edge as shipped (varnishd.sh), its files and its shared memory log
# (varnishlog -n $dir/edge/work) under $dir/edge.
mkdir -p "$dir/edge"
"$root/docs/deploy/varnishd.sh" "$dir/edge" "$edge_port" "${node_ports[0]}" "${node_ports[1]}" \
	-P "$dir/edge/varnishd.pid" -p feature=+http2 >"$dir/edge/varnishd.log" 2>&1

# nginx with the shipped configuration, its ports put in.
mkdir -p "$dir/nginx/logs" "$dir/nginx/temp"
chmod 777 "$dir/nginx/temp"
sed -e "s/listen 8000;/listen $proxy_port;/" \
	-e "s/127.0.0.1:6081 /127.0.0.1:$edge_port /" \
	-e "s/127.0.0.1:8080 /127.0.0.1:${node_ports[0]} /" \
	-e "s/127.0.0.1:8082 /127.0.0.1:${node_ports[1]} /" \
	"$root/docs/deploy/nginx.conf" >"$dir/nginx/nginx.conf"
nginx -p "$dir/nginx" -c nginx.conf -e logs/error.log

echo "Waiting for both nodes to be ready (logs: $dir/node-1.log, $dir/node-2.log) ..."
for port in "${node_ports[@]}"; do
	until curl -sf "http://localhost:$((port + 1))/actuator/health/readiness" >/dev/null; do
		for pid_file in "$dir"/node-*.pid; do
			kill -0 "$(cat "$pid_file")" 2>/dev/null || { echo "A node stopped; see its log" >&2; exit 1; }
		done
		sleep 1
	done
done

# The edge answers once a node is in its rotation.
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$edge_port/")" = 200 ]; do sleep 0.5; done
echo "edge: http://127.0.0.1:$edge_port"

cat <<INFO

Newswire cluster is up.
  Readers:      http://localhost:$proxy_port/  (nginx, through the edge)
  Desk:         http://localhost:$proxy_port/desk  (user admin, password $(cat "$dir/admin-password"))
  Nodes:        http://localhost:${node_ports[0]}/  http://localhost:${node_ports[1]}/
  Edge log:     varnishlog -n $dir/edge/work   purge: curl -X PURGE -H 'xkey-softpurge: TAG' http://127.0.0.1:$edge_port/
  Health:       http://localhost:$((node_ports[0] + 1))/actuator/health  http://localhost:$((node_ports[1] + 1))/actuator/health
  Metrics:      http://localhost:$((node_ports[0] + 1))/actuator/prometheus
  PostgreSQL:   psql -h localhost -p $pg_port -U newswire newswire  (password in $dir/db-password)
Ctrl-C stops everything; stopping the nodes alone (kill the pids in $dir/node-*.pid) leaves
the edge answering with the pages it holds.
INFO
# Until Ctrl-C or SIGTERM, whether the nodes run or not.
sleep infinity &
sleeper=$!
wait "$sleeper"

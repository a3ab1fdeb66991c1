#!/usr/bin/env bash
# Newswire speed benchmark: how close the portal comes to the speed of the machine.
#
# Measures Newswire with wrk on loopback against nginx serving the very same page bytes
# as static files in the same run: nginx is the physical limit of the machine, so the
# ratio is what matters, not the absolute numbers.
#
# Usage, from the repository root:
#   ./mvnw -o -B package -DskipTests      # the script builds nothing itself
#   docs/bench/bench.sh                   # demo content; writes docs/benchmark.md
#   docs/bench/bench.sh --stories 1000000 # a generated archive of that size, -Xmx512m
#   docs/bench/bench.sh --feed-clients 200
#                                         # also: N wire clients long-polling the feed
#   docs/bench/bench.sh --push-endpoints 100
#                                         # also: webhooks to N endpoints (push-receivers.py)
#   docs/bench/bench.sh --edge            # instead: the readers through Varnish with
#                                         # docs/deploy/edge.vcl (edge.sh), written to
#                                         # target/benchmark-edge.md unless OUT is set
#
# Scenarios, each against nginx serving the same bytes in the same run: cached home and
# article; both with an unknown parameter; random articles over every URL of the sitemaps
# (uniform and Zipf, s = 1.1, through random-articles.lua); home and articles while a
# writer posts a writethru through the desk every second and a ticker headline every 5
# seconds (with how long each writethru takes to show on the home page); conditional GET
# (304); search for two words.
#
# The app: if something already answers on APP_URL (e.g. `./mvnw spring-boot:run` in
# another terminal) it is measured as it is. Otherwise the script starts
# target/newswire-*.jar itself in a temporary directory (a fresh embedded database with
# the demo content), waits until it answers, and stops it at the end.
#
# Needs Debian's nginx and wrk:  apt-get install nginx wrk
#
# Beside them, the Tomcat that Newswire embeds answering the article bytes with nothing else
# (TomcatFloor.java, its jar taken from target/newswire-*.jar): the ceiling of any servlet
# page on this machine, so a cached page's share of nginx can be read against it.
#
# Settings (environment): APP_URL (http://127.0.0.1:8080), NGINX_PORT (18080), FLOOR_PORT (18081:
# Tomcat alone, or with --edge Varnish alone),
# THREADS (2), CONNECTIONS (32), DURATION (10s), WARMUP (5s), JIT_WARMUP (0: random articles
# rendered this long before the first measurement, e.g. 180s), BUSY_WARMUP (30s: each page
# under writes, before the first of them is measured), ARTICLE_PATH and
# FEED_PATH (found from the home page when unset), PHOTO_PATH (the article's photo, from its
# img), SEARCH (harbour council),
# DESK_USER and DESK_PASSWORD (a desk account of an app already running; the script makes
# its own when it starts the app), ARCHIVE (a directory keeping the app's database and search
# index between runs: --stories generates the archive there on the first run and later runs
# start on it, with the writethrus of the runs before), UPLOADS (20: new 12-megapixel JPEGs previewed through the
# desk's new-story form, for the first render of an upload; 0 for none), HEAP (512m), APP_JAVA_OPTS (more options for the JVM of
# the app it starts, e.g. -XX:StartFlightRecording=filename=/tmp/app.jfr), OUT
# (docs/benchmark.md); with --feed-clients,
# FEED_KEY (keys, joined by commas, of a client receiving every section; unset, the script
# issues one per feed client through the desk's /desk/clients forms as the desk account, as
# each client newsroom has its own) and FEED_DURATION (60: seconds at least that the clients
# follow the feed while the writer posts a writethru a second; feed-clients.py reports each
# change's arrival at every client and its own CPU time, and the reader pages are measured
# without the clients, with them and without them again, side by side) and FEED_ALONE (10:
# seconds the portal's CPU is read with the writer alone, then with the clients too, no
# readers: what the clients cost the machine) and FEED_WARMUP (120: seconds the clients run
# before anything is measured with them, so the JIT has compiled their path); with
# --push-endpoints, PUSH_DURATION (60: seconds of a writethru a second while N webhook
# endpoints receive them) and PUSH_DRAIN (100: writethrus queued for every endpoint behind
# 503 answers, then drained). An app already
# running must allow plain http to 127.0.0.1 (--newswire.push.allow-http=true
# --newswire.push.allowed-networks=127.0.0.1/32); the client and endpoints
# push-receivers.py adds stay in its database.
set -euo pipefail

STORIES=0
FEED_CLIENTS=0
PUSH_ENDPOINTS=0
EDGE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --stories) STORIES="$2"; shift 2 ;;
    --feed-clients) FEED_CLIENTS="$2"; shift 2 ;;
    --push-endpoints) PUSH_ENDPOINTS="$2"; shift 2 ;;
    --edge) EDGE=1; shift ;;
    *) echo "Usage: bench.sh [--stories N] [--feed-clients N] [--push-endpoints N] [--edge]" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
APP_URL="${APP_URL:-http://127.0.0.1:8080}"
NGINX_PORT="${NGINX_PORT:-18080}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
JIT_WARMUP="${JIT_WARMUP:-0}"
BUSY_WARMUP="${BUSY_WARMUP:-30s}"
if [ "$EDGE" -eq 1 ]; then
  OUT="${OUT:-$repo/target/benchmark-edge.md}"
else
  OUT="${OUT:-$repo/docs/benchmark.md}"
fi
SEARCH="${SEARCH:-harbour council}"
HEAP="${HEAP:-512m}"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
FLOOR_PORT="${FLOOR_PORT:-18081}"
FLOOR_URL="http://127.0.0.1:$FLOOR_PORT"

for tool in nginx wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    echo "bench.sh needs $tool: sudo apt-get install nginx wrk curl" >&2
    exit 2
  fi
done
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
if [ "$EDGE" -eq 1 ] && ! command -v varnishd >/dev/null 2>&1; then
  echo "bench.sh --edge needs Varnish with xkey: sudo apt-get install varnish varnish-modules" >&2
  exit 2
fi

case "$APP_URL" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "APP_URL must be on loopback, not $APP_URL" >&2; exit 2 ;;
esac

tmp="$(mktemp -d /tmp/newswire-bench.XXXXXX)"
app_pid=""
nginx_pid=""
floor_pid=""
cleanup() {
  set +e
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  [ -n "$floor_pid" ] && kill "$floor_pid" 2>/dev/null && wait "$floor_pid" 2>/dev/null
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  for pid_file in "$tmp/edge/ncsa.pid" "$tmp/edge/varnishd.pid" "$tmp/floor/varnishd.pid"; do
    [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap 'status=$?; cleanup; exit $status' EXIT
trap 'exit 130' INT TERM

status_of() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true
}

answers_ok() { # url tries -> whether the url answers 200 within that many tenths of a second
  for _ in $(seq 1 "$2"); do
    [ "$(status_of "$1")" = 200 ] && return 0
    sleep 0.1
  done
  return 1
}

answers() {
  local code
  code="$(status_of "$APP_URL/")"
  [ -n "$code" ] && [ "$code" != "000" ]
}

# The portal's jar: started below when nothing answers, and the source of the Tomcat that
# TomcatFloor runs.
jar="$(ls "$repo"/target/newswire-*.jar 2>/dev/null | grep -v -- '-plain' | head -n 1 || true)"

# --- The app -----------------------------------------------------------------------
if answers; then
  echo "Measuring the app already running at $APP_URL"
  app_origin="already running"
else
  if [ -z "$jar" ]; then
    echo "Nothing answers at $APP_URL and there is no target/newswire-*.jar." >&2
    echo "Build it (./mvnw -o -B package -DskipTests) or start the app (./mvnw spring-boot:run)." >&2
    exit 2
  fi
  port="${APP_URL##*:}"
  DESK_USER=bench
  DESK_PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  archive_kept=0
  if [ -n "${ARCHIVE:-}" ]; then
    # The app's ./data (database and search index) kept there; its desk account's password
    # beside them, since a desk account that exists keeps the password it was made with.
    mkdir -p "$ARCHIVE"
    ARCHIVE="$(cd "$ARCHIVE" && pwd)"
    ln -s "$ARCHIVE" "$tmp/data"
    if [ -f "$ARCHIVE/newswire.mv.db" ]; then
      archive_kept=1
      DESK_PASSWORD="$(cat "$ARCHIVE/bench-desk-password")"
    else
      echo "$DESK_PASSWORD" >"$ARCHIVE/bench-desk-password"
    fi
  fi
  # Management on a port of its own choosing: 8081 may be another portal's on this machine.
  args=(--server.port="$port" --management.server.port=0)
  if [ "$PUSH_ENDPOINTS" -gt 0 ]; then
    # The receivers are plain http on loopback, which a portal refuses by default.
    args+=(--newswire.push.allow-http=true --newswire.push.allowed-networks=127.0.0.1/32)
  fi
  if [ "$STORIES" -gt 0 ] && [ "$archive_kept" -eq 0 ]; then
    args+=(--newswire.archive.generate="$STORIES")
  fi
  [ "$STORIES" -gt 0 ] && args+=(--newswire.demo.enabled=false)
  if [ "$EDGE" -eq 1 ]; then
    args+=(--newswire.edge.purge-urls="http://127.0.0.1:${EDGE_PORT:-16081}/")
  fi
  echo "Starting $jar on port $port with -Xmx$HEAP (log: $tmp/app.log)"
  started_at=$(date +%s)
  (cd "$tmp" && NEWSWIRE_ADMIN_USER="$DESK_USER" NEWSWIRE_ADMIN_PASSWORD="$DESK_PASSWORD" \
    exec java -Xmx"$HEAP" ${APP_JAVA_OPTS:-} -jar "$jar" "${args[@]}" >"$tmp/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 3600); do
    answers && break
    if ! kill -0 "$app_pid" 2>/dev/null; then
      echo "The app exited; last lines of its log:" >&2
      tail -n 20 "$tmp/app.log" >&2
      exit 1
    fi
    sleep 1
  done
  answers || { echo "The app did not answer within an hour" >&2; exit 1; }
  if [ "$STORIES" -gt 0 ]; then
    app_origin="started by bench.sh from $(basename "$jar") with -Xmx$HEAP, a generated archive of $STORIES stories$([ "$archive_kept" -eq 1 ] && echo ", kept in $ARCHIVE from an earlier run") (answered $(( $(date +%s) - started_at )) s after start)"
  else
    app_origin="started by bench.sh from $(basename "$jar") with -Xmx$HEAP, demo content"
  fi
fi

# --- The pages, fetched once: nginx serves exactly these bytes -----------------------
mkdir -p "$tmp/www"
chmod 755 "$tmp" "$tmp/www"

fetch() { # path file -> http status
  curl -s --max-time 10 -o "$tmp/www/$2" -w '%{http_code}' "$APP_URL$1" || echo 000
}

home_status="$(fetch / home.html)"
if [ -z "${ARTICLE_PATH:-}" ]; then
  ARTICLE_PATH="$(grep -o 'href="/articles/[0-9][0-9]*/[^"#?]*"' "$tmp/www/home.html" 2>/dev/null \
    | head -n 1 | sed 's/^href="//; s/"$//' || true)"
fi
if [ -z "${FEED_PATH:-}" ]; then
  FEED_PATH="$(grep -o '<link[^>]*application/rss+xml[^>]*>' "$tmp/www/home.html" 2>/dev/null \
    | head -n 1 | grep -o 'href="[^"]*"' | sed 's/^href="//; s/"$//; s#^https\?://[^/]*##' || true)"
fi

# label|newswire path|file name for nginx
pages=()
notes=()
[ "$home_status" = 200 ] && pages+=("Home page|/|home.html") || notes+=("Home page: / answered $home_status, not measured.")
if [ -n "$ARTICLE_PATH" ]; then
  s="$(fetch "$ARTICLE_PATH" article.html)"
  [ "$s" = 200 ] && pages+=("Article page|$ARTICLE_PATH|article.html") || notes+=("Article page: $ARTICLE_PATH answered $s, not measured.")
else
  notes+=("Article page: no /articles/ link on the home page, not measured.")
fi
if [ -n "$FEED_PATH" ]; then
  s="$(fetch "$FEED_PATH" feed.rss)"
  [ "$s" = 200 ] && pages+=("RSS feed|$FEED_PATH|feed.rss") || notes+=("RSS feed: $FEED_PATH answered $s, not measured.")
else
  notes+=("RSS feed: no RSS alternate link on the home page, not measured.")
fi
# The article's lead photo as its img's src names it (the 640 px JPEG): immutable bytes
# from the database, served without the page cache; bench it beside the cached article.
if [ -f "$tmp/www/article.html" ]; then
  PHOTO_PATH="${PHOTO_PATH:-$(grep -o '<img src="/media/[^"]*"' "$tmp/www/article.html" | head -n 1 | cut -d'"' -f2 || true)}"
  if [ -n "$PHOTO_PATH" ]; then
    s="$(fetch "$PHOTO_PATH" photo.jpg)"
    [ "$s" = 200 ] && pages+=("Photo rendition, hot|$PHOTO_PATH|photo.jpg") || notes+=("Photo rendition: $PHOTO_PATH answered $s, not measured.")
  else
    notes+=("Photo rendition: the article page has no photo, not measured.")
  fi
fi
# Parameters the pages do not read: the page cache must answer them with the same bytes.
[ "$home_status" = 200 ] && pages+=("Home page, unknown parameter|/?utm_source=bench&x=1|home.html")
[ -n "$ARTICLE_PATH" ] && [ -f "$tmp/www/article.html" ] && pages+=("Article page, unknown parameter|$ARTICLE_PATH?utm_source=bench&x=1|article.html")
search_path="/search?q=$(echo "$SEARCH" | sed 's/ /+/g')"
s="$(fetch "$search_path" search.html)"
[ "$s" = 200 ] && pages+=("Search, two words ($SEARCH)|$search_path|search.html") || notes+=("Search: $search_path answered $s, not measured.")
if [ "${#pages[@]}" -eq 0 ]; then
  # Still compare something real: a static asset through Spring MVC's resource handling.
  s="$(fetch /js/ticker-live.js asset.js)"
  [ "$s" = 200 ] && pages+=("Static asset (no pages in this build)|/js/ticker-live.js|asset.js")
fi
if [ "${#pages[@]}" -eq 0 ]; then
  echo "No page of $APP_URL answered 200; nothing to measure." >&2
  exit 1
fi
chmod 644 "$tmp"/www/*

# --- nginx on loopback, under this script's control -----------------------------------
user_line=""
# As root, nginx would switch its workers to a user that may not exist here.
[ "$(id -u)" = 0 ] && user_line="user $(id -un) $(id -gn);"
sed -e "s#@TMP@#$tmp#g" -e "s#@PORT@#$NGINX_PORT#g" -e "s#@WORKERS@#$(nproc)#g" \
  -e "s#@USER@#$user_line#" "$here/nginx.conf.template" >"$tmp/nginx.conf"
"$NGINX" -p "$tmp" -c "$tmp/nginx.conf" -e "$tmp/error.log" &
nginx_pid=$!
answers_ok "$NGINX_URL/${pages[0]##*|}" 50 || { echo "nginx did not start:" >&2; cat "$tmp/error.log" >&2; exit 1; }

# --- wrk ------------------------------------------------------------------------------
to_ms() { # wrk latency such as 850.00us, 1.23ms, 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# url [header [script arguments...]] -> "rps p50 p99 errors" (errors: non-2xx/3xx plus
# socket errors); with script arguments, random-articles.lua picks the paths.
measure() {
  local url="$1" header="${2:-}" log="$tmp/wrk.out"
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  if [ $# -gt 2 ]; then
    args+=(-s "$here/random-articles.lua" "$url" -- "${@:3}")
  else
    args+=("$url")
  fi
  wrk "${args[@]}" >"$log" 2>&1 || true
  local rps p50 p99 bad sock
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$log")"
  p50="$(awk '$1 == "50%" {print $2}' "$log")"
  p99="$(awk '$1 == "99%" {print $2}' "$log")"
  bad="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$log")"
  sock="$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$log")"
  echo "${rps:-0} $(to_ms "${p50:-0}") $(to_ms "${p99:-0}") $(( ${bad:-0} + ${sock:-0} ))"
}

warm() { # url [script arguments...]: the same load as the measurement that follows
  warm_for "$WARMUP" "$@"
}

warm_for() { # duration url [script arguments...]
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$1")
  if [ $# -gt 2 ]; then
    args+=(-s "$here/random-articles.lua" "$2" -- "${@:3}")
  else
    args+=("$2")
  fi
  wrk "${args[@]}" >/dev/null 2>&1 || true
}

rows=()
row_nginx=()
row_app=()
row() { # label, nginx result, newswire result; both results also left in row_nginx and row_app
  local label="$1" n s ratio
  read -r -a n <<<"$2"
  read -r -a s <<<"$3"
  row_nginx=("${n[@]}")
  row_app=("${s[@]}")
  ratio="$(awk -v a="${s[0]}" -v b="${n[0]}" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else print "n/a" }')"
  rows+=("| $label | ${n[0]} | ${n[1]} | ${n[2]} | ${s[0]} | ${s[1]} | ${s[2]} | **$ratio** | ${n[3]} / ${s[3]} |")
  echo "  $label: nginx ${n[0]} req/s, Newswire ${s[0]} req/s ($ratio)"
}

# Every article URL of the sitemaps, newest first, for the random-article scenarios; nginx
# answers each with the article bytes fetched above.
: >"$tmp/paths.txt"
for sitemap in $(curl -s --max-time 60 "$APP_URL/sitemap.xml" | grep -o '<loc>[^<]*articles-[0-9]*\.xml</loc>' \
  | sed 's#<loc>https\?://[^/]*##; s#</loc>##'); do
  curl -s --max-time 300 "$APP_URL$sitemap" | grep -o '<loc>[^<]*/articles/[^<]*</loc>' \
    | sed 's#<loc>https\?://[^/]*##; s#</loc>##' >>"$tmp/paths.txt"
done
tac "$tmp/paths.txt" >"$tmp/newest-first.txt"
archive_size="$(wc -l <"$tmp/newest-first.txt")"

if [ "$EDGE" -eq 0 ]; then
# A JVM compiles the rendering path over minutes of load, not the seconds of a page's
# warm-up: right after a start, random articles at a million stories render at a third
# of their later rate (docs/benchmark.md). JIT_WARMUP renders random articles that long
# first, as on a node that has served for a while.
if [ "$JIT_WARMUP" != "0" ] && [ "$archive_size" -gt 0 ]; then
  echo "JIT warm-up: random articles for $JIT_WARMUP"
  warm_for "$JIT_WARMUP" "$APP_URL" "$tmp/newest-first.txt" uniform
fi

load_before="$(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, warm-up $WARMUP per page"
for page in "${pages[@]}"; do
  IFS='|' read -r label path file <<<"$page"
  warm "$APP_URL$path"
  row "$label" "$(measure "$NGINX_URL/$file")" "$(measure "$APP_URL$path")"
done

# Tomcat alone on the article bytes: what the servlet container reaches before any filter,
# Spring or cache lookup runs.
floor_lib="$( [ -n "$jar" ] && jar tf "$jar" | grep '^BOOT-INF/lib/tomcat-embed-core-.*\.jar$' | head -n 1 || true)"
if [ -n "$floor_lib" ] && [ -f "$tmp/www/article.html" ]; then
  mkdir -p "$tmp/floor"
  (cd "$tmp/floor" && jar xf "$jar" "$floor_lib")
  java -cp "$tmp/floor/$floor_lib" "$here/TomcatFloor.java" "$FLOOR_PORT" "$tmp/www/article.html" >"$tmp/floor.log" 2>&1 &
  floor_pid=$!
  if answers_ok "$FLOOR_URL/" 300; then
    warm "$FLOOR_URL/"
    row "Tomcat alone, article bytes (the ceiling, not Newswire)" "$(measure "$NGINX_URL/article.html")" \
      "$(measure "$FLOOR_URL/")"
  else
    notes+=("Tomcat alone: TomcatFloor did not answer on $FLOOR_URL, not measured.")
  fi
  kill "$floor_pid" 2>/dev/null; wait "$floor_pid" 2>/dev/null || true
  floor_pid=""
else
  notes+=("Tomcat alone: no target/newswire-*.jar or no article page, not measured.")
fi

# Conditional GET: a cache or browser revalidating the article page (else the first page).
IFS='|' read -r label path file <<<"${pages[0]}"
for page in "${pages[@]}"; do
  case "$page" in "Article page|"*) IFS='|' read -r label path file <<<"$page" ;; esac
done
header_of() { # url header-name -> value
  curl -s -D - -o /dev/null --max-time 5 "$1" | tr -d '\r' \
    | awk -v name="$(echo "$2" | tr 'A-Z' 'a-z')" 'tolower($1) == name ":" {sub(/^[^:]*: */, ""); print; exit}'
}
conditional() { # url -> the header a revalidating cache would send, if the response allows one
  local etag modified
  etag="$(header_of "$1" ETag)"
  modified="$(header_of "$1" Last-Modified)"
  if [ -n "$etag" ]; then echo "If-None-Match: $etag"; elif [ -n "$modified" ]; then echo "If-Modified-Since: $modified"; fi
}
app_condition="$(conditional "$APP_URL$path")"
nginx_condition="$(conditional "$NGINX_URL/$file")"
if [ -n "$app_condition" ]; then
  revalidated="$(curl -s -o /dev/null -w '%{http_code}' -H "$app_condition" "$APP_URL$path")"
  row "$label, ${app_condition%%:*} ($revalidated)" "$(measure "$NGINX_URL/$file" "$nginx_condition")" \
    "$(measure "$APP_URL$path" "$app_condition")"
else
  notes+=("Conditional GET: $path carries neither ETag nor Last-Modified, not measured.")
fi

# --- Random articles over the whole archive --------------------------------------------
if [ "$archive_size" -gt 0 ] && [ -f "$tmp/www/article.html" ]; then
  # Warmed with random articles, not a cached page: the rendering path is what they measure.
  warm "$APP_URL" "$tmp/newest-first.txt" uniform
  row "Random articles of $archive_size, uniform" "$(measure "$NGINX_URL" "" "$tmp/newest-first.txt" uniform)" \
    "$(measure "$APP_URL" "" "$tmp/newest-first.txt" uniform)"
  warm "$APP_URL" "$tmp/newest-first.txt" zipf 1.1
  row "Random articles of $archive_size, Zipf s=1.1" "$(measure "$NGINX_URL" "" "$tmp/newest-first.txt" zipf 1.1)" \
    "$(measure "$APP_URL" "" "$tmp/newest-first.txt" zipf 1.1)"
else
  notes+=("Random articles: the sitemaps list no article, not measured.")
fi
fi

# --- A busy news day: a writethru every second, a ticker headline every 5 seconds -------
csrf() { # file -> the CSRF token of the first form in it
  grep -o 'name="_csrf" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'
}
feed_keys() { # count -> that many keys, joined by commas, of a new client that receives every section,
  # made through the desk as an admin does
  local jar="$tmp/keys.cookies" page="$tmp/clients.html" id section
  local sections=()
  curl -s -c "$jar" -b "$jar" -o "$page" "$APP_URL/desk/login"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$DESK_USER" \
    --data-urlencode "password=$DESK_PASSWORD" --data-urlencode "_csrf=$(csrf "$page")" "$APP_URL/desk/login"
  curl -s -c "$jar" -b "$jar" -o "$page" "$APP_URL/desk/clients"
  # Every box of the form's sections, its attributes in whatever order the fragment writes them.
  for section in $(grep -o '<input [^>]*name="sections"[^>]*>' "$page" | grep -o ' value="[^"]*"' \
    | sed 's/.*value="//; s/"$//'); do
    sections+=(--data-urlencode "sections=$section")
  done
  # A client without sections receives nothing: better no figure than a wrong one.
  [ "${#sections[@]}" -gt 0 ] || return 1
  curl -s -c "$jar" -b "$jar" -o /dev/null -D "$tmp/client.headers" --data-urlencode "_csrf=$(csrf "$page")" \
    --data-urlencode "name=Bench clients $(date +%s)" --data-urlencode "contact=bench@localhost" \
    "${sections[@]}" --data-urlencode "requestsPerMinute=100000" "$APP_URL/desk/clients"
  id="$(grep -io '^location:.*' "$tmp/client.headers" | grep -o '/desk/clients/[0-9]*' | grep -o '[0-9]*$')"
  curl -s -c "$jar" -b "$jar" -o "$page" "$APP_URL/desk/clients/$id"
  local keys=() n
  for n in $(seq "$1"); do
    curl -s -c "$jar" -b "$jar" -o "$page" --data-urlencode "_csrf=$(csrf "$page")" --data-urlencode "expiresAt=" \
      "$APP_URL/desk/clients/$id/keys"
    keys+=("$(grep -o 'id="issued-key">nwk_[^<]*' "$page" | sed 's/.*>//')")
  done
  (IFS=,; echo "${keys[*]}")
}
writer() { # article id; writes a writethru a second until killed, logging "published-at seen-at"
  local id="$1" jar="$tmp/desk.cookies" n=0 page="$tmp/desk.html" sent
  curl -s -c "$jar" -b "$jar" -o "$page" "$APP_URL/desk/login"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$DESK_USER" \
    --data-urlencode "password=$DESK_PASSWORD" --data-urlencode "_csrf=$(csrf "$page")" "$APP_URL/desk/login"
  while true; do
    n=$((n + 1))
    sent=$(date +%s.%N)
    curl -s -c "$jar" -b "$jar" -o "$page" "$APP_URL/desk/articles/$id/writethru"
    local base headline="Bench writethru $n at $(date +%H%M%S)"
    base="$(grep -o 'name="baseSequence" value="[0-9]*"' "$page" | grep -o '[0-9]*' | head -n 1)"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(csrf "$page")" \
      --data-urlencode "baseSequence=$base" --data-urlencode "kind=WRITETHRU" --data-urlencode "headline=$headline" \
      --data-urlencode "ednote=Eds: UPDATES with bench version $n" \
      --data-urlencode "body=The bench writer filed version $n of this story. It says little, on purpose." \
      --data-urlencode "urgency=4" --data-urlencode "action=publish" "$APP_URL/desk/articles/$id/writethru"
    local published
    published=$(date +%s.%N)
    # How long until the home page shows it (given up after 5 s), read from the app or
    # from READ_URL (the edge). The ticker headline of every fifth comes after, so its
    # two desk requests are not counted in the writethru's time.
    for _ in $(seq 1 500); do
      curl -s --max-time 1 "${READ_URL:-$APP_URL}/" | grep -q "Bench writethru $n at" && break
      sleep 0.01
    done
    echo "$published $(date +%s.%N)" >>"$tmp/visible.txt"
    if [ $((n % 5)) -eq 0 ]; then
      curl -s -c "$jar" -b "$jar" -o "$page" "$APP_URL/desk/ticker"
      curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(csrf "$page")" \
        --data-urlencode "text=Bench ticker headline $n" --data-urlencode "urgency=4" "$APP_URL/desk/ticker"
    fi
    sleep "$(awk -v a="$sent" -v b="$(date +%s.%N)" 'BEGIN { d = 1 - (b - a); print (d > 0) ? d : 0 }')"
  done
}
written_id="$(sed -n 1p "$tmp/newest-first.txt" | sed 's#^/articles/\([0-9]*\)/.*#\1#')"
# The reader pages while the writer posts, for a phase: "" (no feed clients) or the
# suffix of the phase's labels. Each page's figures are kept in busy[phase|page] as
# "nginx-req/s nginx-p99 newswire-req/s newswire-p99".
declare -A busy
cpu_seconds() { # pid -> CPU seconds (user + system) the process has used so far
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null || echo 0
}
cpu_shares() { # seconds, pid... -> the % of one core each process used over that many seconds from now
  local seconds=$1 before=() after=() t0 t1 pid i
  shift
  for pid in "$@"; do before+=("$(cpu_seconds "$pid")"); done
  t0=$(date +%s.%N)
  sleep "$seconds"
  for pid in "$@"; do after+=("$(cpu_seconds "$pid")"); done
  t1=$(date +%s.%N)
  for i in "${!before[@]}"; do
    awk -v a="${before[$i]}" -v b="${after[$i]}" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.1f ", 100 * (b - a) / (t1 - t0) }'
  done
}
busy_pages() { # phase key, label suffix
  local page label url file
  for page in "Home page|$APP_URL/|$NGINX_URL/home.html" "Article page|$APP_URL$ARTICLE_PATH|$NGINX_URL/article.html"; do
    IFS='|' read -r label url file <<<"$page"
    [ "$label" = "Article page" ] && [ ! -f "$tmp/www/article.html" ] && continue
    warm "$url"
    row "$label, writethru every 1 s$2" "$(measure "$file")" "$(measure "$url")"
    busy["$1|$label"]="${row_nginx[0]} ${row_nginx[2]} ${row_app[0]} ${row_app[2]}"
  done
  warm "$APP_URL" "$tmp/newest-first.txt" zipf 1.1
  row "Zipf articles, writethru every 1 s$2" "$(measure "$NGINX_URL" "" "$tmp/newest-first.txt" zipf 1.1)" \
    "$(measure "$APP_URL" "" "$tmp/newest-first.txt" zipf 1.1)"
  busy["$1|Zipf articles"]="${row_nginx[0]} ${row_nginx[2]} ${row_app[0]} ${row_app[2]}"
}
# The first render of new uploads (issue 21): UPLOADS different drawn 12-megapixel JPEGs,
# each attached to the desk's new-story form as an editor fills it and previewed, which
# decodes it, renders and stores its renditions and shows it.
if [ "$EDGE" -eq 0 ] && [ "${UPLOADS:-20}" -gt 0 ] && [ -n "${DESK_USER:-}" ] && [ -n "${DESK_PASSWORD:-}" ]; then
  mkdir -p "$tmp/uploads"
  java "$here/Jpegs.java" "$tmp/uploads" "${UPLOADS:-20}" 4000 3000
  if python3 "$here/uploads.py" "$APP_URL" "$DESK_USER" "$DESK_PASSWORD" "$tmp"/uploads/*.jpg >"$tmp/uploads.txt" 2>&1; then
    notes+=("First render of a new 12-megapixel upload (4000 x 3000 JPEGs drawn by Jpegs.java, each previewed through the desk's new-story form; target p95 1 s): $(tail -n 1 "$tmp/uploads.txt").")
  else
    notes+=("First render of a new upload: not measured ($(tail -n 1 "$tmp/uploads.txt")).")
  fi
fi
feed_table=()
if [ "$EDGE" -eq 1 ]; then
  . "$here/edge.sh"
elif [ -n "${DESK_USER:-}" ] && [ -n "${DESK_PASSWORD:-}" ] && [ -n "$written_id" ]; then
  if [ "$FEED_CLIENTS" -gt 0 ] && [ -z "${FEED_KEY:-}" ]; then
    FEED_KEY="$(feed_keys "$FEED_CLIENTS")" || FEED_KEY=""
  fi
  writer "$written_id" &
  writer_pid=$!
  sleep 2
  # Under writes the pages are rendered anew every second, a path the cached pages above
  # did not compile: the runs without feed clients before and after the clients' phase
  # disagreed by up to 40 % while the JIT compiled it. Each page first takes BUSY_WARMUP
  # of the same load, unmeasured.
  warm_for "$BUSY_WARMUP" "$APP_URL/"
  [ -f "$tmp/www/article.html" ] && warm_for "$BUSY_WARMUP" "$APP_URL$ARTICLE_PATH"
  warm_for "$BUSY_WARMUP" "$APP_URL" "$tmp/newest-first.txt" zipf 1.1
  busy_pages before ""
  if [ "$FEED_CLIENTS" -gt 0 ] && [ -n "${FEED_KEY:-}" ]; then
    # The same reader load while N wire clients long-poll the feed, then once more without
    # them: a machine shared with other work drifts, and the two runs without clients
    # bracket the one with them. The clients follow the feed at least FEED_DURATION
    # seconds and through all of their phase's measurements.
    alone="${FEED_ALONE:-10}"
    read -r app_share <<<"$(cpu_shares "$alone" "$app_pid")"
    notes+=("With the writer alone, no readers and no feed clients, for $alone s: the portal used $app_share % of one core.")
    python3 "$here/feed-clients.py" "$APP_URL" "$FEED_KEY" "$FEED_CLIENTS" 86400 \
      >"$tmp/feed-clients.txt" 2>"$tmp/feed-clients.log" &
    feed_pid=$!
    for _ in $(seq 1 600); do
      grep -q "clients waiting" "$tmp/feed-clients.log" && break
      kill -0 "$feed_pid" 2>/dev/null || break
      sleep 0.1
    done
    feed_started=$(date +%s)
    # A node serving clients has compiled their path long since; in their first minutes
    # the JIT compiles it, on the same cores the readers use. The portal's CPU is read in
    # 15-s windows meanwhile, so each run shows when its clients' cost has settled.
    warmup_cpu=()
    warmup_left="${FEED_WARMUP:-120}"
    while [ "$warmup_left" -gt 0 ]; do
      window=$(( warmup_left < 15 ? warmup_left : 15 ))
      read -r share <<<"$(cpu_shares "$window" "$app_pid")"
      warmup_cpu+=("$share")
      warmup_left=$(( warmup_left - window ))
    done
    notes+=("While the $FEED_CLIENTS feed clients warmed up (FEED_WARMUP, ${FEED_WARMUP:-120} s, the writer writing, no readers), the portal used, in % of one core by window of up to 15 s: $(IFS=,; echo "${warmup_cpu[*]}" | sed 's/,/, /g').")
    # What the clients cost with no reader load beside them: the share of one core the
    # portal and the clients' script used for FEED_ALONE seconds (the writer still writing),
    # beside the same measured above without the clients.
    read -r app_share feed_share <<<"$(cpu_shares "$alone" "$app_pid" "$feed_pid")"
    notes+=("With the $FEED_CLIENTS feed clients and the writer but no readers, for $alone s: the portal used $app_share % of one core, the clients $feed_share % (the machine has $(nproc)).")
    busy_pages with ", $FEED_CLIENTS feed clients"
    left=$(( ${FEED_DURATION:-60} - ($(date +%s) - feed_started) ))
    [ "$left" -gt 0 ] && sleep "$left"
    kill -TERM "$feed_pid" 2>/dev/null
    wait "$feed_pid" || true
    feed_seconds=$(( $(date +%s) - feed_started ))
    busy_pages after ", feed clients gone"
    notes+=("Feed clients (--feed-clients $FEED_CLIENTS, $feed_seconds s, a writethru every 1 s, target p99 1 s): $(tail -n 1 "$tmp/feed-clients.txt").")
    feed_table+=("| Page (a writethru every 1 s) | Newswire req/s without clients, before / after | with $FEED_CLIENTS clients | with / without | Newswire p99 ms without, before / after | with | nginx req/s without, before / after | with |")
    feed_table+=("|---|---:|---:|---:|---:|---:|---:|---:|")
    feed_held=yes
    for label in "Home page" "Article page" "Zipf articles"; do
      [ -n "${busy[before|$label]:-}" ] || continue
      read -r nb np99b sb sp99b <<<"${busy[before|$label]}"
      read -r nw np99w sw sp99w <<<"${busy[with|$label]}"
      read -r na np99a sa sp99a <<<"${busy[after|$label]}"
      share="$(awk -v w="$sw" -v b="$sb" -v a="$sa" 'BEGIN { m = (b + a) / 2; if (m > 0) printf "%.1f", 100 * w / m; else print 0 }')"
      awk -v r="$share" 'BEGIN { exit !(r < 90) }' && feed_held=no
      feed_table+=("| $label | $sb / $sa | $sw | **$share %** | $sp99b / $sp99a | $sp99w | $nb / $na | $nw |")
    done
    notes+=("Reader pages with $FEED_CLIENTS feed clients, against the mean of the runs without them before and after (target: within 10 %): $( [ "$feed_held" = yes ] && echo "held on every page" || echo "not held").")
  elif [ "$FEED_CLIENTS" -gt 0 ]; then
    notes+=("Feed clients: no key of a client receiving every section could be issued at /desk/clients, not measured.")
  fi
  kill "$writer_pid" 2>/dev/null; wait "$writer_pid" 2>/dev/null || true
  if [ "$PUSH_ENDPOINTS" -gt 0 ]; then
    # The reader pages again while the receivers take a writethru a second (push-receivers.py
    # posts them itself), then the drain of a queue held back by 503 answers.
    python3 "$here/push-receivers.py" "$APP_URL" "$DESK_USER" "$DESK_PASSWORD" "$PUSH_ENDPOINTS" \
      "${PUSH_DURATION:-60}" "${PUSH_DRAIN:-100}" >"$tmp/push.txt" 2>"$tmp/push.log" &
    push_pid=$!
    # Adding the endpoints through the desk comes first.
    for _ in $(seq 1 600); do
      grep -q "a writethru a second" "$tmp/push.log" && break
      kill -0 "$push_pid" 2>/dev/null || break
      sleep 1
    done
    row "Home page, writethru every 1 s, $PUSH_ENDPOINTS webhook endpoints" "$(measure "$NGINX_URL/home.html")" \
      "$(measure "$APP_URL/")"
    row "Zipf articles, writethru every 1 s, $PUSH_ENDPOINTS webhook endpoints" \
      "$(measure "$NGINX_URL" "" "$tmp/newest-first.txt" zipf 1.1)" \
      "$(measure "$APP_URL" "" "$tmp/newest-first.txt" zipf 1.1)"
    wait "$push_pid" || true
    while read -r line; do
      notes+=("$line (--push-endpoints $PUSH_ENDPOINTS; targets: p99 1 s, drain of 10,000 in 60 s).")
    done <"$tmp/push.txt"
    [ -s "$tmp/push.txt" ] || notes+=("Push: push-receivers.py failed: $(tail -n 1 "$tmp/push.log").")
  fi
  if [ -s "$tmp/visible.txt" ]; then
    notes+=("Writethru every 1 s: $(wc -l <"$tmp/visible.txt") published; after each publish the home page showed it within $(awk '{ d = $2 - $1; s += d; if (d > m) m = d } END { printf "%.0f ms on average, %.0f ms at most", 1000 * s / NR, 1000 * m }' "$tmp/visible.txt") (polled every 10 ms, given up at 5 s).")
  fi
else
  notes+=("Writethru every 1 s: no desk account (DESK_USER, DESK_PASSWORD) for an app this script did not start, not measured.")
fi

# --- Results --------------------------------------------------------------------------
# What people wrote below the marker (findings, profiles) survives a new run.
marker='<!-- Written by hand below this line; bench.sh keeps it. -->'
kept=""
[ -f "$OUT" ] && kept="$(sed -n "/^$marker\$/,\$p" "$OUT")"
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$repo" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
{
  echo "# Newswire speed benchmark"
  echo
  echo "Written by \`docs/bench/bench.sh\`; run it again after any change to the page path."
  echo "Newswire is measured against nginx serving the same bytes as static files in the same"
  echo "run on the same machine; the ratio is the number to watch. For scale: a plain Spring"
  echo "MVC + Thymeleaf + JPA page reaches about 3 % of nginx, Spring MVC returning fixed bytes"
  echo "about 20 %; Newswire serves rendered pages from its page cache."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Commit: $commit"
  echo "- Load average when the run began: $load_before (above $(nproc) means other work shared the CPUs and the ratio is pessimistic)"
  echo "- Machine: $(nproc) CPUs ($(uname -m)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM; wrk, nginx and Newswire share them"
  echo "- Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, loopback, keep-alive, no compression; each Newswire page warmed up for $WARMUP first$( [ "$JIT_WARMUP" != "0" ] && echo ", after $JIT_WARMUP of random articles for the JIT")"
  echo "- nginx: $("$NGINX" -v 2>&1 | sed 's/^nginx version: //'), $(nproc) workers, sendfile"
  echo "- Newswire: $app_origin; $(java -version 2>&1 | head -n 1)"
  [ "$EDGE" -eq 1 ] && echo "- Edge: $(varnishd -V 2>&1 | head -n 1), docs/deploy/edge.vcl started by docs/deploy/varnishd.sh, every backend the app; rows \"Edge: ...\" are the readers through it (the Newswire columns)"
  echo
  echo "| Page | nginx req/s | nginx p50 ms | nginx p99 ms | Newswire req/s | Newswire p50 ms | Newswire p99 ms | Newswire / nginx | errors nginx / Newswire |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  if [ "${#feed_table[@]}" -gt 0 ]; then
    echo "Reader pages without and with $FEED_CLIENTS wire clients long-polling the feed (feed-clients.py):"
    echo
    printf '%s\n' "${feed_table[@]}"
    echo
  fi
  if [ "${#notes[@]}" -gt 0 ]; then
    echo "Notes:"
    echo
    printf -- '- %s\n' "${notes[@]}"
    echo
  fi
  echo "Pages measured:"
  echo
  for page in "${pages[@]}"; do
    IFS='|' read -r label path file <<<"$page"
    echo "- $label: \`$path\`"
  done
  if [ -n "$kept" ]; then
    echo
    echo "$kept"
  fi
} >"$OUT.new"
mv "$OUT.new" "$OUT"
echo "Results written to $OUT"

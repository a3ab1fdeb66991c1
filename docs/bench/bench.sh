#!/usr/bin/env bash
# Newswire speed benchmark: how close the portal comes to the speed of the machine.
#
# Measures Newswire with wrk on loopback against nginx serving the very same page bytes
# as static files in the same run: nginx is the physical limit of the machine, so the
# ratio is what matters, not the absolute numbers.
#
# Usage, from the repository root:
#   ./mvnw -o -B package -DskipTests      # the script builds nothing itself
#   docs/bench/bench.sh                   # writes docs/benchmark.md
#
# The app: if something already answers on APP_URL (e.g. `./mvnw spring-boot:run` in
# another terminal) it is measured as it is. Otherwise the script starts
# target/newswire-*.jar itself in a temporary directory (a fresh embedded database with
# the demo content), waits until it answers, and stops it at the end.
#
# Needs Debian's nginx and wrk:  apt-get install nginx wrk
#
# Settings (environment): APP_URL (http://127.0.0.1:8080), NGINX_PORT (18080),
# THREADS (2), CONNECTIONS (32), DURATION (10s), WARMUP (5s), ARTICLE_PATH and
# FEED_PATH (found from the home page when unset), OUT (docs/benchmark.md).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
APP_URL="${APP_URL:-http://127.0.0.1:8080}"
NGINX_PORT="${NGINX_PORT:-18080}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
OUT="${OUT:-$repo/docs/benchmark.md}"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"

for tool in nginx wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    echo "bench.sh needs $tool: sudo apt-get install nginx wrk curl" >&2
    exit 2
  fi
done
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

case "$APP_URL" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "APP_URL must be on loopback, not $APP_URL" >&2; exit 2 ;;
esac

tmp="$(mktemp -d /tmp/newswire-bench.XXXXXX)"
app_pid=""
nginx_pid=""
cleanup() {
  set +e
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap 'status=$?; cleanup; exit $status' EXIT
trap 'exit 130' INT TERM

status_of() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true
}

answers() {
  local code
  code="$(status_of "$APP_URL/")"
  [ -n "$code" ] && [ "$code" != "000" ]
}

# --- The app -----------------------------------------------------------------------
if answers; then
  echo "Measuring the app already running at $APP_URL"
  app_origin="already running"
else
  jar="$(ls "$repo"/target/newswire-*.jar 2>/dev/null | grep -v -- '-plain' | head -n 1 || true)"
  if [ -z "$jar" ]; then
    echo "Nothing answers at $APP_URL and there is no target/newswire-*.jar." >&2
    echo "Build it (./mvnw -o -B package -DskipTests) or start the app (./mvnw spring-boot:run)." >&2
    exit 2
  fi
  port="${APP_URL##*:}"
  echo "Starting $jar on port $port (log: $tmp/app.log)"
  (cd "$tmp" && exec java -jar "$jar" --server.port="$port" >"$tmp/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 180); do
    answers && break
    if ! kill -0 "$app_pid" 2>/dev/null; then
      echo "The app exited; last lines of its log:" >&2
      tail -n 20 "$tmp/app.log" >&2
      exit 1
    fi
    sleep 1
  done
  answers || { echo "The app did not answer within 180 s" >&2; exit 1; }
  app_origin="started by bench.sh from $(basename "$jar"), demo content"
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
for _ in $(seq 1 50); do
  [ "$(status_of "$NGINX_URL/${pages[0]##*|}")" = 200 ] && break
  sleep 0.1
done
[ "$(status_of "$NGINX_URL/${pages[0]##*|}")" = 200 ] || { echo "nginx did not start:" >&2; cat "$tmp/error.log" >&2; exit 1; }

# --- wrk ------------------------------------------------------------------------------
to_ms() { # wrk latency such as 850.00us, 1.23ms, 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# url [header] -> "rps p50 p99 errors" (errors: non-2xx/3xx plus socket errors)
measure() {
  local url="$1" header="${2:-}" log="$tmp/wrk.out"
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" "$url" >"$log" 2>&1 || true
  local rps p50 p99 bad sock
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$log")"
  p50="$(awk '$1 == "50%" {print $2}' "$log")"
  p99="$(awk '$1 == "99%" {print $2}' "$log")"
  bad="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$log")"
  sock="$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$log")"
  echo "${rps:-0} $(to_ms "${p50:-0}") $(to_ms "${p99:-0}") $(( ${bad:-0} + ${sock:-0} ))"
}

warm() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$1" >/dev/null 2>&1 || true
}

rows=()
row() { # label, nginx result, newswire result
  local label="$1" n s ratio
  read -r -a n <<<"$2"
  read -r -a s <<<"$3"
  ratio="$(awk -v a="${s[0]}" -v b="${n[0]}" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else print "n/a" }')"
  rows+=("| $label | ${n[0]} | ${n[1]} | ${n[2]} | ${s[0]} | ${s[1]} | ${s[2]} | **$ratio** | ${n[3]} / ${s[3]} |")
  echo "  $label: nginx ${n[0]} req/s, Newswire ${s[0]} req/s ($ratio)"
}

load_before="$(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, warm-up $WARMUP per page"
for page in "${pages[@]}"; do
  IFS='|' read -r label path file <<<"$page"
  warm "$APP_URL$path"
  row "$label" "$(measure "$NGINX_URL/$file")" "$(measure "$APP_URL$path")"
done

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

# --- Results --------------------------------------------------------------------------
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
  echo "- Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, loopback, keep-alive, no compression; each Newswire page warmed up for $WARMUP first"
  echo "- nginx: $("$NGINX" -v 2>&1 | sed 's/^nginx version: //'), $(nproc) workers, sendfile"
  echo "- Newswire: $app_origin; $(java -version 2>&1 | head -n 1)"
  echo
  echo "| Page | nginx req/s | nginx p50 ms | nginx p99 ms | Newswire req/s | Newswire p50 ms | Newswire p99 ms | Newswire / nginx | errors nginx / Newswire |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
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
} >"$OUT"
echo "Results written to $OUT"

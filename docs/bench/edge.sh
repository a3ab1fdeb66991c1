# The readers through the edge (bench.sh --edge; sourced by bench.sh, whose functions and
# variables it uses): Varnish with docs/deploy/edge.vcl in front of the app, against nginx
# serving the same bytes in the same run. Every backend of the VCL is the app.
#
# Scenarios: cached home and article, each beside Varnish alone on FLOOR_PORT (a VCL that
# only caches: varnish-alone.vcl); Zipf (s = 1.1) over every article of the sitemaps;
# home and Zipf articles while the writer posts a writethru a second through the desk
# (with how long each takes to show through the edge, the edge's hit ratio meanwhile and
# how often the origin was asked for the home page and the written article per change);
# then the app stopped, and readers asking the edge for the pages it fetched during the
# run for OUTAGE (10m, the target's length): the share answered 200.
#
# Settings (environment): EDGE_PORT (16081), EDGE_MEMORY (2g: the whole pages) and EDGE_BODIES (2g: their bodies, a file; docs/deploy/varnishd.sh), WRITES (60: writethrus
# before the writer stops), OUTAGE (10m), EDGE_WARMUP (60s: Zipf articles through the
# edge before they are measured, so it holds what readers ask for).

EDGE_PORT="${EDGE_PORT:-16081}"
EDGE_URL="http://127.0.0.1:$EDGE_PORT"
WRITES="${WRITES:-60}"
OUTAGE="${OUTAGE:-10m}"
EDGE_WARMUP="${EDGE_WARMUP:-60s}"
edge_dir="$tmp/edge"
mkdir -p "$edge_dir"
app_port="${APP_URL##*:}"
EDGE_MEMORY="${EDGE_MEMORY:-2g}" EDGE_BODIES="${EDGE_BODIES:-2g}" "$repo/docs/deploy/varnishd.sh" "$edge_dir" "$EDGE_PORT" "$app_port" "$app_port" \
  -P "$edge_dir/varnishd.pid" >"$edge_dir/varnishd.log" 2>&1
answers_ok "$EDGE_URL/" 100 || { echo "The edge did not answer:" >&2; cat "$edge_dir/varnishd.log" >&2; exit 1; }
edge_stat() { # counter -> its value now (0 if this Varnish has none such, so arithmetic holds)
  varnishstat -n "$edge_dir/work" -1 -f "$1" | awk '{ s += $2 } END { print s + 0 }'
}
edge_gib() { # a storage's bytes counter -> its value in GiB
  awk -v b="$(edge_stat "$1")" 'BEGIN { printf "%.2f GiB", b / 2^30 }'
}
# Every fetch the edge makes, for the origin figures and the outage: the status, the path
# and the backend, a node or the edge's own assembly layer (docs/deploy/edge.vcl).
varnishncsa -b -n "$edge_dir/work" -F '%s %U%q %{VSL:BackendOpen[2]}x' -w "$edge_dir/fetches.log" -D \
  -P "$edge_dir/ncsa.pid"

# Varnish alone beside it (FLOOR_PORT): a VCL that only keeps what the app answers
# (varnish-alone.vcl), with the edge's parameters and log mask, so the cached pages' share
# of nginx can be read against what any Varnish page reaches on this machine.
floor_dir="$tmp/floor"
mkdir -p "$floor_dir"
EDGE_VCL="$here/varnish-alone.vcl" EDGE_MEMORY=256m EDGE_BODIES=64m "$repo/docs/deploy/varnishd.sh" "$floor_dir" \
  "$FLOOR_PORT" "$app_port" "$app_port" -P "$floor_dir/varnishd.pid" >"$floor_dir/varnishd.log" 2>&1 || true
floor_up=0
answers_ok "$FLOOR_URL/" 100 && floor_up=1

load_before="$(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "Edge at $EDGE_URL; wrk -t$THREADS -c$CONNECTIONS -d$DURATION, warm-up $WARMUP per page"
for page in "${pages[@]}"; do
  IFS='|' read -r label path file <<<"$page"
  case "$label" in
    "Home page"|"Article page")
      warm "$EDGE_URL$path"
      row "Edge: $label" "$(measure "$NGINX_URL/$file")" "$(measure "$EDGE_URL$path")"
      edge_rps="${row_app[0]}"
      if [ "$floor_up" -eq 1 ]; then
        warm "$FLOOR_URL$path"
        row "Varnish alone: $label (the ceiling, not Newswire)" "$(measure "$NGINX_URL/$file")" \
          "$(measure "$FLOOR_URL$path")"
        notes+=("Edge: $label at $(awk -v e="$edge_rps" -v f="${row_app[0]}" 'BEGIN { printf "%.1f %%", 100 * e / f }') of Varnish alone (varnish-alone.vcl, the rows above).")
      fi ;;
  esac
done
if [ "$floor_up" -eq 0 ]; then
  notes+=("Varnish alone: did not answer on $FLOOR_URL ($(tail -n 1 "$floor_dir/varnishd.log")), not measured.")
fi
[ -f "$floor_dir/varnishd.pid" ] && kill "$(cat "$floor_dir/varnishd.pid")" 2>/dev/null || true
if [ "$archive_size" -gt 0 ]; then
  # An edge in service holds every article readers may ask for: each asked for once, the
  # oldest first (so an edge too small for all keeps the newest), by curl keeping
  # CONNECTIONS connections busy over lists of 100,000; then the readers' own mix for
  # EDGE_WARMUP.
  fill_started=$(date +%s)
  tac "$tmp/newest-first.txt" | awk -v u="$EDGE_URL" '{ printf "url = \"%s%s\"\noutput = /dev/null\n", u, $0 }' \
    | split -l 200000 - "$edge_dir/fill-"
  for list in "$edge_dir"/fill-*; do
    curl --no-progress-meter --parallel --parallel-max "$CONNECTIONS" -w '%{http_code}\n' -K "$list" 2>/dev/null || true
  done | sort | uniq -c >"$edge_dir/fill.out"
  fill_seconds=$(( $(date +%s) - fill_started ))
  notes+=("Edge filled with every article of $archive_size, the oldest first, before the Zipf readers: $(awk -v n="$archive_size" -v t="$fill_seconds" 'BEGIN { printf "%d s, %.0f a second", t, n / (t > 0 ? t : 1) }'), answers $(awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }' "$edge_dir/fill.out"); the edge then held $(edge_stat MAIN.n_object) objects, whole pages in $(edge_gib SMA.pages.g_bytes) of memory and bodies in $(edge_gib SMF.bodies.g_bytes) of file, $(edge_stat MAIN.n_lru_nuked) evicted for room.")
  warm_for "$EDGE_WARMUP" "$EDGE_URL" "$tmp/newest-first.txt" zipf 1.1
  row "Edge: random articles of $archive_size, Zipf s=1.1" \
    "$(measure "$NGINX_URL" "" "$tmp/newest-first.txt" zipf 1.1)" \
    "$(measure "$EDGE_URL" "" "$tmp/newest-first.txt" zipf 1.1)"
fi

written_id="$(sed -n 1p "$tmp/newest-first.txt" | sed 's#^/articles/\([0-9]*\)/.*#\1#')"
if [ -n "${DESK_USER:-}" ] && [ -n "${DESK_PASSWORD:-}" ] && [ -n "$written_id" ]; then
  : >"$tmp/visible.txt"
  readers_before="$(edge_stat MAIN.client_req)"
  fetched_before="$(wc -l <"$edge_dir/fetches.log")"
  READ_URL="$EDGE_URL" writer "$written_id" &
  writer_pid=$!
  sleep 2
  row "Edge: home page, writethru every 1 s" "$(measure "$NGINX_URL/home.html")" "$(measure "$EDGE_URL/")"
  row "Edge: Zipf articles, writethru every 1 s" "$(measure "$NGINX_URL" "" "$tmp/newest-first.txt" zipf 1.1)" \
    "$(measure "$EDGE_URL" "" "$tmp/newest-first.txt" zipf 1.1)"
  # Readers of the home page and Zipf articles until the writer is done.
  (while [ "$(wc -l <"$tmp/visible.txt")" -lt "$WRITES" ]; do
    warm_for 5s "$EDGE_URL" "$tmp/newest-first.txt" zipf 1.1
  done) &
  readers_pid=$!
  while [ "$(wc -l <"$tmp/visible.txt")" -lt "$WRITES" ] && kill -0 "$writer_pid" 2>/dev/null; do
    curl -s -o /dev/null "$EDGE_URL/"
    sleep 0.2
  done
  kill "$writer_pid" 2>/dev/null; wait "$writer_pid" 2>/dev/null || true
  wait "$readers_pid" 2>/dev/null || true
  sleep 1
  changes="$(wc -l <"$tmp/visible.txt")"
  readers=$(( $(edge_stat MAIN.client_req) - readers_before ))
  # The app's answers alone: what the assembly layer answers costs the nodes nothing.
  tail -n +"$((fetched_before + 1))" "$edge_dir/fetches.log" | awk '$3 != "assembly"' >"$edge_dir/fetches-writing.log"
  misses="$(wc -l <"$edge_dir/fetches-writing.log")"
  home_fetches="$(awk '$2 == "/"' "$edge_dir/fetches-writing.log" | wc -l)"
  article_fetches="$(awk -v id="/articles/$written_id/" 'index($2, id) == 1 && $2 !~ /(versions|compare|atom)/' \
    "$edge_dir/fetches-writing.log" | wc -l)"
  notes+=("Edge, writethru every 1 s: $changes published through the desk; through the edge the home page showed each within $(awk '{ d = $2 - $1; s += d; if (d > m) m = d } END { printf "%.0f ms on average, %.0f ms at most", 1000 * s / NR, 1000 * m }' "$tmp/visible.txt") (target: 1 s at most).")
  notes+=("Edge hit ratio while writing, the readers' requests answered without asking the app: $(awk -v r="$readers" -v m="$misses" 'BEGIN { printf "%.2f %%", 100 * (r - m) / r }') ($readers requests, $misses fetches from the app; target ≥ 95 %).")
  notes+=("Origin requests per change while writing: home page $(awk -v f="$home_fetches" -v c="$changes" 'BEGIN { printf "%.2f", f / c }'), the written article $(awk -v f="$article_fetches" -v c="$changes" 'BEGIN { printf "%.2f", f / c }') (every fetch of the edge from the app, conditional ones included; target ≤ 3).")
else
  notes+=("Edge, writethru every 1 s: no desk account for an app this script did not start, not measured.")
fi

# Every node stopped: the pages the edge fetched during the run, asked for again.
awk '$1 == 200 && $3 != "assembly" {print $2}' "$edge_dir/fetches.log" | grep -v '^/fragments/' | sort -u >"$edge_dir/held.txt"
held="$(wc -l <"$edge_dir/held.txt")"
if [ -n "$app_pid" ] && [ "$held" -gt 0 ]; then
  kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true
  app_pid=""
  sleep 3
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$OUTAGE" --latency -s "$here/random-articles.lua" "$EDGE_URL" -- \
    "$edge_dir/held.txt" uniform >"$tmp/outage.out" 2>&1 || true
  total="$(awk '/requests in/ {print $1}' "$tmp/outage.out")"
  bad="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$tmp/outage.out")"
  sock="$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$tmp/outage.out")"
  desk="$(status_of "$EDGE_URL/desk/login")"
  notes+=("App stopped, $OUTAGE of readers asking for the $held pages the edge had fetched (uniform): $(awk -v t="${total:-0}" -v b="$(( ${bad:-0} + ${sock:-0} ))" 'BEGIN { if (t > 0) printf "%.3f %% of %d answered 200, %d did not", 100 * (t - b) / t, t, b; else print "no answer" }'), p99 $(to_ms "$(awk '$1 == "99%" {print $2}' "$tmp/outage.out")") ms; the desk answered $desk (target: 100 % of held pages 200).")
fi
kill "$(cat "$edge_dir/ncsa.pid")" 2>/dev/null || true
kill "$(cat "$edge_dir/varnishd.pid")" 2>/dev/null || true

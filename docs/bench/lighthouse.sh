#!/usr/bin/env bash
# Lighthouse scores of the reader pages (issue 9, "Fast in the browser too").
#
# Runs Lighthouse 12 with Debian's headless Chromium on the home page, a section page and
# an article page of a portal that is already running, in Lighthouse's default mobile
# emulation and with its desktop preset, and writes the scores (performance,
# accessibility, best practices, SEO) and CLS, LCP and TBT to the "Lighthouse" section
# of docs/benchmark.md (the rest of the file is left as it is).
#
# Usage, from the repository root, with the portal running (e.g. java -jar target/newswire-*.jar):
#   docs/bench/lighthouse.sh
#
# Lighthouse is installed from npm into target/lighthouse on first use (not committed).
# Settings (environment): APP_URL (http://127.0.0.1:8080), RUNS per page and form factor
# (3; the median by performance score is kept), FORM_FACTORS ("mobile desktop"),
# SECTION_PATH and ARTICLE_PATH (found from the home page when unset),
# OUT (docs/benchmark.md), CHROME_PATH (/usr/bin/chromium).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
APP_URL="${APP_URL:-http://127.0.0.1:8080}"
APP_URL="${APP_URL%/}"
RUNS="${RUNS:-3}"
FORM_FACTORS="${FORM_FACTORS:-mobile desktop}"
OUT="${OUT:-$repo/docs/benchmark.md}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
LH_DIR="$repo/target/lighthouse"
LIGHTHOUSE="$LH_DIR/node_modules/.bin/lighthouse"
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"

for tool in node npm curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "lighthouse.sh needs $tool: apt-get install nodejs npm curl" >&2; exit 2; }
done
[ -x "$CHROME_PATH" ] || { echo "No Chromium at $CHROME_PATH: apt-get install chromium" >&2; exit 2; }
if [ ! -x "$LIGHTHOUSE" ]; then
  echo "Installing Lighthouse 12 into $LH_DIR"
  npm install --prefix "$LH_DIR" --no-audit --no-fund --silent lighthouse@12 >&2
fi

home="$(curl -sf --max-time 10 "$APP_URL/")" || { echo "Nothing answers at $APP_URL/: start the portal first." >&2; exit 2; }
SECTION_PATH="${SECTION_PATH:-$(grep -o 'href="/sections/[^"?]*"' <<<"$home" | head -n 1 | cut -d'"' -f2)}"
ARTICLE_PATH="${ARTICLE_PATH:-$(grep -o 'href="/articles/[0-9]*/[^"]*"' <<<"$home" | head -n 1 | cut -d'"' -f2)}"
if [ -z "$SECTION_PATH" ] || [ -z "$ARTICLE_PATH" ]; then
  echo "The home page links no section or no article; set SECTION_PATH and ARTICLE_PATH." >&2
  exit 2
fi

started="$(date -u '+%Y-%m-%d %H:%M UTC')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
tmp="$(mktemp -d /tmp/newswire-lighthouse.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

rows=()
for factor in $FORM_FACTORS; do
  preset=()
  [ "$factor" = desktop ] && preset=(--preset=desktop)
  for page in "Home:/" "Section:$SECTION_PATH" "Article:$ARTICLE_PATH"; do
    name="${page%%:*}"
    path="${page#*:}"
    reports=()
    for run in $(seq 1 "$RUNS"); do
      report="$tmp/$factor-$name-$run.json"
      echo "Lighthouse $factor $name ($path), run $run of $RUNS" >&2
      "$LIGHTHOUSE" "$APP_URL$path" "${preset[@]}" --quiet --output=json --output-path="$report" \
        --chrome-flags="$CHROME_FLAGS" >&2
      reports+=("$report")
    done
    # The median run by performance score, and what kept any category below 100 in it.
    rows+=("$(node - "$factor" "$name" "$path" "${reports[@]}" <<'JS'
const [factor, name, path, ...files] = process.argv.slice(2);
const runs = files.map((f) => require(f)).sort((a, b) => a.categories.performance.score - b.categories.performance.score);
const r = runs[Math.floor(runs.length / 2)];
const score = (id) => Math.round(r.categories[id].score * 100);
const audit = (id) => r.audits[id].numericValue;
const findings = [];
for (const category of Object.values(r.categories)) {
  for (const ref of category.auditRefs) {
    const a = r.audits[ref.id];
    if (ref.weight > 0 && a.score !== null && a.score < 1) findings.push(ref.id);
  }
}
const perf = runs.map((run) => Math.round(run.categories.performance.score * 100)).join(', ');
console.log(`| ${name} | ${factor} | \`${path.length > 40 ? path.slice(0, 40) + '…' : path}\` | **${score('performance')}** (${perf}) | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} | ${audit('cumulative-layout-shift').toFixed(3)} | ${Math.round(audit('largest-contentful-paint'))} | ${Math.round(audit('total-blocking-time'))} | ${findings.join(', ') || '–'} |`);
JS
)")
    echo "${rows[-1]}" >&2
  done
done

commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$repo" status --porcelain 2>/dev/null | grep -qv '^??' && echo ' (with uncommitted changes)' || true)"
section="$tmp/section.md"
{
  echo '<!-- lighthouse:begin (written by docs/bench/lighthouse.sh) -->'
  echo '## Lighthouse (reader pages in the browser)'
  echo
  echo "Written by \`docs/bench/lighthouse.sh\` against a running portal; run it again after any"
  echo "change to templates, CSS or scripts. Issue 9 asks for performance ≥ 95, accessibility,"
  echo "best practices and SEO 100, CLS ≤ 0.02 on every page."
  echo
  echo "- Date: $started"
  echo "- Commit: $commit$dirty"
  echo "- Load average when the run began: $load (2 cores: above 2, other work shared the CPUs)"
  echo "- Lighthouse $("$LIGHTHOUSE" --version), $("$CHROME_PATH" --version 2>/dev/null | head -n 1)"
  echo "- Command: \`APP_URL=$APP_URL RUNS=$RUNS docs/bench/lighthouse.sh\` (chrome flags: \`$CHROME_FLAGS\`)"
  echo "- mobile = Lighthouse's default (Moto G Power emulation, simulated slow 4G and 4× CPU slowdown); desktop = \`--preset=desktop\`"
  echo "- Each row is the median of $RUNS runs by performance score (all runs' performance in brackets); LCP and TBT in ms"
  echo
  echo '| Page | Form factor | Path | Performance | Accessibility | Best practices | SEO | CLS | LCP | TBT | Scored audits below 100 |'
  echo '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|'
  printf '%s\n' "${rows[@]}"
  echo '<!-- lighthouse:end -->'
} >"$section"

# Replace the section between the markers, or append it.
if [ -f "$OUT" ] && grep -q '<!-- lighthouse:begin' "$OUT"; then
  awk -v section="$section" '
    /<!-- lighthouse:begin/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /<!-- lighthouse:end -->/ { skip = 0; next }
    !skip { print }' "$OUT" >"$tmp/out.md"
  cat "$tmp/out.md" >"$OUT"
else
  { [ -s "$OUT" ] && echo; cat "$section"; } >>"$OUT"
fi
echo "Lighthouse scores written to $OUT" >&2

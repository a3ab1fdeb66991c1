#!/usr/bin/env bash
# Writethrus per second through the desk form: signs in, publishes one story, then posts
# writethrus to it one after another for the given time, each acknowledged by the desk's
# redirect, and prints how many were acknowledged per second.
#   docs/bench/writethru-rate.sh http://localhost:8080 <admin user> <admin password> [seconds]
set -euo pipefail
base=${1:?base URL} user=${2:?user} password=${3:?password} seconds=${4:-20}
jar=$(mktemp) && trap 'rm -f "$jar"' EXIT

csrf() { curl -sf -b "$jar" -c "$jar" "$base$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
status() { curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$@"; }

token=$(csrf /desk/login)
[ "$(status --data-urlencode "username=$user" --data-urlencode "password=$password" -d "_csrf=$token" "$base/desk/login")" = 302 ]
token=$(csrf /desk/articles/new)
[ "$(status -d "_csrf=$token" -d action=publish -d section=world -d slugline=Rate-Test -d source=NWS \
	--data-urlencode "dateline=PORT ELLIS (Newswire) --" -d urgency=4 -d "headline=Take 1" -d "body=First take." \
	-d "ednote=Eds: first" "$base/desk/articles/new")" = 302 ]
id=$(curl -sf -b "$jar" "$base/desk" | grep -o '/desk/articles/[0-9]*/writethru' | head -n 1 | tr -dc 0-9)

sequence=1
end=$((SECONDS + seconds))
while [ $SECONDS -lt $end ]; do
	code=$(status -d "_csrf=$token" -d action=publish -d "baseSequence=$sequence" -d kind=WRITETHRU \
		-d "headline=Take $((sequence + 1))" -d "body=Text of take $((sequence + 1))." \
		-d "ednote=Eds: take $((sequence + 1))" -d urgency=4 "$base/desk/articles/$id/writethru")
	[ "$code" = 302 ] || { echo "writethru $((sequence + 1)) answered $code" >&2; exit 1; }
	sequence=$((sequence + 1))
done
awk -v n=$((sequence - 1)) -v s="$seconds" 'BEGIN { printf "%d writethrus in %d s: %.1f/s\n", n, s, n / s }'

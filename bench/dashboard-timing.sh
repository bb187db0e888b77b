#!/usr/bin/env bash
# Times the knowledge-management dashboard pages over HTTP on a running Release build of the web app: the demo
# database (own-data dashboard) and an uploaded generated extract (the extract dashboard, its filters and CSV).
# Usage: bench/dashboard-timing.sh [persons=70000] [runs=5]
# Needs: dotnet, curl. Starts the app on 127.0.0.1:5391 with a throwaway SQLite data directory and stops it at the end.
set -euo pipefail
persons=${1:-70000}
runs=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build "$root/src/Polku.Web" -c Release -v q >/dev/null
dotnet build "$root/src/Polku.Cli" -c Release -v q >/dev/null
dotnet "$root/src/Polku.Cli/bin/Release/net10.0/polku.dll" generate --persons "$persons" --seed 1 --out "$work/county" >/dev/null

base=http://127.0.0.1:5391
(cd "$root/src/Polku.Web" && Database__DataDirectory="$work/data" ASPNETCORE_ENVIRONMENT=Production \
  exec dotnet bin/Release/net10.0/Polku.Web.dll --urls "$base" >"$work/app.log" 2>&1) &
app=$!
for _ in $(seq 120); do curl -sf "$base/health" >/dev/null && break; sleep 1; done

jar="$work/cookies"
token() { curl -s -b "$jar" -c "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -b "$jar" -c "$jar" -o /dev/null -d "Input.UserName=johto" -d "Input.Password=Polku-Demo-2026" \
  --data-urlencode "__RequestVerificationToken=$(token /Account/Login)" "$base/Account/Login"

# Median of $runs timed GETs of a path (seconds), and its status.
time_get() {
  local path=$1 times=() status
  for _ in $(seq "$runs"); do
    read -r status t < <(curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total}\n' "$base$path")
    times+=("$t")
  done
  printf '| `%s` | %s | %s s |\n' "$path" "$status" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")"
}

echo "| Request | Status | Median of $runs |"
echo "|---|---|---|"
time_get "/Insight/Own"
time_get "/Insight/Own?Filter.From=2025-01-01&Filter.To=2025-12-31&Filter.Area=993"
time_get "/api/insight/own"
upload=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{time_total}' \
  -F "__RequestVerificationToken=$(token /Insight)" -F "Input.Persons=@$work/county/persons.csv" -F "Input.Events=@$work/county/events.csv" "$base/Insight")
echo "| upload of $persons residents, $(($(wc -l <"$work/county/events.csv") - 1)) events, $(du -m "$work/county" | cut -f1) MB (status, time) | ${upload% *} | ${upload#* } s |"
time_get "/Insight"
time_get "/Insight?Filter.From=2025-03-01&Filter.To=2025-08-31"
time_get "/Insight?Filter.Area=993"
time_get "/Insight?handler=Csv&table=lorenz"
time_get "/api/insight/extract"

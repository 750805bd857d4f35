#!/usr/bin/env bash
# Runs every test: unit, component (bUnit), API and worker (real SQLite + FFmpeg), end-to-end (Debian's Chromium).
# Installs what the tests need first. Extra arguments go to `dotnet test` (e.g. --filter Category!=E2E).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-packages.sh ffmpeg fonts-dejavu-core espeak-ng chromium redis-server postgresql
bash scripts/ensure-s3rver.sh

# Dozens of in-process app hosts start during the run; each would take inotify instances for its configuration and
# static-file watchers, and a CI machine allows only 128 per user. Tests change no file they watch: poll instead,
# and do not reload configuration.
export DOTNET_USE_POLLING_FILE_WATCHER=true
export DOTNET_hostBuilder__reloadConfigOnChange=false

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
dotnet test Studio.sln --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

# One plain closing line that any CI reads: "Tests: N passed, N failed, N skipped".
trx="$(find "$results" -name '*.trx' | head -n 1)"
if [ -n "$trx" ]; then
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed="$(get passed)"; failed="$(get failed)"; total="$(get total)"; executed="$(get executed)"
  echo "Tests: ${passed:-0} passed, ${failed:-0} failed, $(( ${total:-0} - ${executed:-0} )) skipped"
fi
exit $status

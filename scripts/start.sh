#!/usr/bin/env bash
# Starts Studio on the embedded defaults (SQLite, local provider, data in Studio.App/data).
# Extra arguments go to the app, e.g. `scripts/start.sh setup` or `scripts/start.sh --urls http://0.0.0.0:8080`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-packages.sh ffmpeg fonts-dejavu-core espeak-ng
exec dotnet run --project Studio.App --launch-profile http -- "$@"

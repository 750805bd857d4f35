#!/usr/bin/env bash
# Installs the s3rver npm package (an S3-compatible server for the storage tests) into .tools/s3rver when missing.
# The tests start it on a loopback port with a throw-away folder; they fail when it is not there.
set -euo pipefail
cd "$(dirname "$0")/.."
target=".tools/s3rver"
version="3.7.1"
if [ -x "$target/node_modules/.bin/s3rver" ] && grep -q "\"version\": \"$version\"" "$target/node_modules/s3rver/package.json" 2>/dev/null; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || bash scripts/ensure-packages.sh nodejs npm
mkdir -p "$target"
npm install --prefix "$target" --no-audit --no-fund --silent "s3rver@$version" >/dev/null
echo "Installed s3rver $version into $target"

#!/usr/bin/env bash
# Builds the browser assets (the supervision dashboard's charts: ECharts from the npm registry, bundled by
# esbuild) into src/Tongban.Web/wwwroot/js. Pages work without them; only the charts need them.
# Skips the work when the bundle is newer than its sources.
set -euo pipefail
cd "$(dirname "$0")/../src/Tongban.Web/ClientApp"
out=../wwwroot/js/dashboard.js
if [ -f "$out" ] && [ -z "$(find src package.json package-lock.json -newer "$out" -print -quit)" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "WARNING: npm is missing; the supervision dashboard shows its tables without charts." >&2
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build

#!/usr/bin/env bash
# Checks that the command runs with production dependencies only (`npm ci --omit=dev`): the bundled CLI in dist/
# (built beforehand by `npm run build:cli`) with `compare --report`, which once needed jsdom, a development
# dependency. Used by .ci/run after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
test -f dist/cli.mjs || { echo "check-prod-install: dist/cli.mjs is missing; run npm run build:cli first" >&2; exit 1; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cp -r package.json package-lock.json bin dist data "$dir"/
cd "$dir"
# --ignore-scripts: the prepare script bundles with esbuild, a development dependency; dist/ is already built.
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline >/dev/null
test ! -d node_modules/jsdom || { echo "check-prod-install: jsdom was installed by --omit=dev" >&2; exit 1; }
node bin/leadlab.mjs compare data/scenarios/default.json data/scenarios/slow-single-call.json --replications 2 --workers 1 --report report.html >/dev/null
grep -q '<svg' report.html
echo "check-prod-install: compare --report works with production dependencies only"

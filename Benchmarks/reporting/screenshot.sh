#!/usr/bin/env bash
# Renders the seeds' HTML report with headless Chromium to docs/report-screenshot.png.
# Needs the Debian package chromium. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then echo "chromium is not installed (apt-get install -y chromium)" >&2; exit 69; fi
swift build --product report >&2
mkdir -p out docs
"$(swift build --show-bin-path)/report" --format html --title "Seeds: facts from two articles" \
  --output out/seeds-fixture.html Tests/Fixtures/report/seeds.ndjson
profile=$(mktemp -d)
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$profile" \
  --window-size=1100,1500 --screenshot="$PWD/docs/report-screenshot.png" "file://$PWD/out/seeds-fixture.html" 2>/dev/null
rm -rf "$profile"
echo "wrote docs/report-screenshot.png"

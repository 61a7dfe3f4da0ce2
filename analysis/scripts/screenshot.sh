#!/usr/bin/env bash
# Takes a screenshot of a report.html the way a reader sees it: headless Chromium, 1280 px wide.
#
#   analysis/scripts/screenshot.sh REPORT.html OUT.png [HEIGHT_PX]
#
# HEIGHT_PX (default 4000) is the height of the window, so of the picture: the page below it is cut.
# Needs Debian's chromium package (apt-get install -y chromium); chromium-browser or
# google-chrome are used when that is what the machine has.
set -euo pipefail

usage() {
    echo "usage: $0 REPORT.html OUT.png [HEIGHT_PX]   (HEIGHT_PX: a whole number of pixels, default 4000)" >&2
    exit 2
}

[ $# -ge 2 ] && [ $# -le 3 ] || usage
report=$1
out=$2
height=${3:-4000}
[[ $height =~ ^[1-9][0-9]*$ ]] || { echo "HEIGHT_PX '$height' is not a whole number of pixels above 0" >&2; exit 2; }
[ -f "$report" ] || { echo "REPORT.html '$report' is not a file (give the report.html of a run folder)" >&2; exit 2; }
[ -d "$(dirname -- "$out")" ] || { echo "OUT.png '$out': folder $(dirname -- "$out") does not exist" >&2; exit 2; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" > /dev/null; then
        browser=$candidate
        break
    fi
done
if [ -z "$browser" ]; then
    echo "no Chromium found: install it with 'sudo apt-get update && sudo apt-get install -y chromium' (Debian/Ubuntu)" >&2
    exit 2
fi

profile=$(mktemp -d)
trap 'rm -rf -- "$profile"' EXIT
url="file://$(cd -- "$(dirname -- "$report")" && pwd)/$(basename -- "$report")"
out_abs="$(cd -- "$(dirname -- "$out")" && pwd)/$(basename -- "$out")"

# A fresh profile and no background traffic: the picture depends on the page only.
"$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$out_abs" --window-size=1280,"$height" "$url" > /dev/null 2>&1 || true
if [ ! -s "$out_abs" ]; then
    echo "$browser wrote no screenshot of $url; run it by hand to see why" >&2
    exit 1
fi
echo "$out_abs"

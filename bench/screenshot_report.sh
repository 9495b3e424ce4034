#!/usr/bin/env bash
# Screen sample_docs into a fresh demo database, render the HTML report and screenshot it with headless Chromium.
#
# Usage: bench/screenshot_report.sh [OUT.png] [WIDTHxHEIGHT]
#   OUT.png       where the screenshot goes (default: report.png in the temp dir, path printed at the end)
#   WIDTHxHEIGHT  browser window (default 1280x2400)
# Environment: PYTHON (default .venv/bin/python), CHROMIUM (default: first of chromium, chromium-browser,
#              google-chrome found on PATH), TOP (candidates per role; default 5, so the whole first role
#              fits the default window), KEEP=1 keeps the temp dir with the database and report.html.
# Installs nothing: without Chromium it says how to get it and exits 3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
SIZE="${2:-1280x2400}"
TOP="${TOP:-5}"

if [[ -n "${CHROMIUM:-}" ]]; then
    BROWSER="$CHROMIUM"
else
    BROWSER=""
    for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$candidate" >/dev/null 2>&1; then BROWSER="$(command -v "$candidate")"; break; fi
    done
fi
if [[ -z "$BROWSER" ]] || ! command -v "$BROWSER" >/dev/null 2>&1; then
    echo "screenshot_report.sh: Chromium not found." >&2
    echo "  Install it first, e.g. on Debian/Ubuntu:  sudo apt-get install chromium" >&2
    echo "  (or set CHROMIUM=/path/to/chrome). This script installs nothing itself." >&2
    exit 3
fi
if [[ ! -x "$PYTHON" ]]; then
    echo "screenshot_report.sh: $PYTHON not found; run 'make install' first (or set PYTHON)." >&2
    exit 2
fi
if [[ ! "$SIZE" =~ ^[0-9]+x[0-9]+$ ]]; then
    echo "screenshot_report.sh: window size must look like 1280x2400, not '$SIZE'" >&2
    exit 2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/skillfit-report.XXXXXX")"
PROFILE="$(mktemp -d "${TMPDIR:-/tmp}/skillfit-chromium.XXXXXX")"
cleanup() {
    rm -rf "$PROFILE"
    if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; fi
}
OUT="${1:-$WORK/report.png}"
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
if [[ "$OUT" == "$WORK"/* ]]; then KEEP=1; fi
trap cleanup EXIT

DB="$WORK/demo.duckdb"
HTML="$WORK/report.html"
SKILLFIT="$(dirname "$PYTHON")/skillfit"

echo "== screening sample_docs into $DB"
(cd "$ROOT" && "$SKILLFIT" screen sample_docs/vacancies sample_docs/cvs --db "$DB" --format json >/dev/null)

echo "== writing $HTML"
(cd "$ROOT" && "$PYTHON" -c 'import sys; from pipeline.report import write_report; write_report(sys.argv[1], sys.argv[2], top=int(sys.argv[3]))' \
    "$DB" "$HTML" "$TOP")

echo "== screenshot with $BROWSER ($SIZE)"
"$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$PROFILE" --hide-scrollbars \
    --screenshot="$OUT" --window-size="${SIZE/x/,}" "file://$HTML" 2>"$WORK/chromium.log" || {
        echo "screenshot_report.sh: Chromium failed; its log:" >&2; cat "$WORK/chromium.log" >&2; exit 1; }
[[ -s "$OUT" ]] || { echo "screenshot_report.sh: no screenshot written" >&2; exit 1; }

echo "report:     $HTML$([[ "${KEEP:-0}" == 1 ]] || echo ' (removed on exit; KEEP=1 keeps it)')"
echo "screenshot: $OUT"

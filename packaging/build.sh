#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle and smoke-test it.
#
#   packaging/build.sh              build dist/brochure-reader/, then smoke-test it
#   packaging/build.sh --test-only  smoke-test an existing dist/brochure-reader/
#
# Environment: PYTHON (default: .venv/bin/python if present, else python3), DIST (default dist),
# SMOKE_TIMEOUT seconds per smoke command (default 120).
# The smoke test runs the built program with a temporary --home: --version, list,
# search fatigue --json (skipped with a message only when `search --help` fails, i.e. the
# search command is not in this build), and --smoke (the window opens offscreen, paints, quits),
# in English and in French (--lang fr); the French catalogues and Qt's qtbase_fr.qm must be in it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
DIST="${DIST:-$ROOT/dist}"
WORK="$ROOT/build/pyinstaller"
SMOKE_TIMEOUT="${SMOKE_TIMEOUT:-120}"
BUILD=1
[[ "${1:-}" == "--test-only" ]] && BUILD=0

case "$(uname -s)" in
    MINGW*|MSYS*|CYGWIN*) EXE="$DIST/brochure-reader/brochure-reader-cli.exe" ;;
    Darwin) EXE="$DIST/Brochure Reader.app/Contents/MacOS/brochure-reader" ;;
    *) EXE="$DIST/brochure-reader/brochure-reader" ;;
esac

if [[ ! -f assets/pack/pack.toml ]]; then
    echo "warning: assets/pack/pack.toml is missing: the bundle will have no content pack" \
         "(build it with: brochure-reader build-pack assets/pack/sources assets/pack)" >&2
fi

if (( BUILD )); then
    "$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || {
        echo "error: PyInstaller is not installed for $PYTHON (pip install pyinstaller)" >&2
        exit 1
    }
    start=$(date +%s)
    # the compiled translation catalogues (.qm, .mo) go into assets/ and so into the bundle
    "$PYTHON" packaging/translations.py build >/dev/null
    "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$DIST" --workpath "$WORK" packaging/pyinstaller/brochure-reader.spec
    seconds=$(( $(date +%s) - start ))
    echo "build: ${seconds} s"
fi

[[ -x "$EXE" ]] || { echo "error: no built program at $EXE" >&2; exit 1; }
if command -v du >/dev/null; then
    echo "bundle size: $(du -sh "$(dirname "$EXE")" | cut -f1) ($(dirname "$EXE"))"
fi

HOME_DIR="$(mktemp -d)"
trap 'rm -rf "$HOME_DIR"' EXIT
export QT_QPA_PLATFORM=offscreen
failures=0

run() {  # run NAME ARGS...: the built program with the temp home; fails on a non-zero status
    local name="$1"; shift
    local out="$HOME_DIR/$name.out"
    if timeout "$SMOKE_TIMEOUT" "$EXE" --home "$HOME_DIR/home" "$@" >"$out" 2>"$out.err"; then
        echo "ok   $name: $(head -c 200 "$out" | head -n 1)"
    else
        local status=$?
        echo "FAIL $name (exit $status): $EXE --home ... $*" >&2
        sed 's/^/     /' "$out.err" | tail -n 20 >&2
        failures=$((failures + 1))
    fi
}

run version --version
run list list
if timeout "$SMOKE_TIMEOUT" "$EXE" --home "$HOME_DIR/home" search --help >/dev/null 2>&1; then
    run search search fatigue --json
    "$PYTHON" -c 'import json, sys; json.load(open(sys.argv[1]))' "$HOME_DIR/search.out" \
        || { echo "FAIL search: output is not JSON" >&2; failures=$((failures + 1)); }
else
    echo "skip search: this build has no 'search' command (brochure-reader search --help failed)"
fi
run gui-smoke --smoke
run gui-smoke-fr --lang fr --smoke
for catalogue in brochure_reader_fr.qm fr/LC_MESSAGES/brochure_reader.mo qtbase_fr.qm; do
    if find "$(dirname "$EXE")" -path "*/$catalogue" | grep -q .; then
        echo "ok   catalogue $catalogue"
    else
        echo "FAIL catalogue $catalogue is not in the bundle" >&2; failures=$((failures + 1))
    fi
done
grep -q '^ready in ' "$HOME_DIR/gui-smoke.out" 2>/dev/null \
    || { echo "FAIL gui-smoke: no 'ready in N s' line" >&2; failures=$((failures + 1)); }

if (( failures )); then
    echo "smoke test: $failures failure(s)" >&2
    exit 1
fi
echo "smoke test: all passed"

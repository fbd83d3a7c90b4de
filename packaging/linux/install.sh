#!/usr/bin/env bash
# Install (or remove) Brochure Reader's desktop integration on Linux, for one user or for all.
#
#   packaging/linux/install.sh [--prefix DIR] [--bundle DIR] [--uninstall]
#
#   --prefix DIR   where to install (default: ~/.local; use /usr/local with sudo for all users)
#   --bundle DIR   also install a PyInstaller bundle (dist/brochure-reader) into
#                  PREFIX/lib/brochure-reader and link PREFIX/bin/brochure-reader to it.
#                  Without it, `brochure-reader` must already be on PATH (pip or pipx install).
#   --uninstall    remove what this script installs (user data is left alone)
#
# Installs PREFIX/share/applications/org.brochurereader.BrochureReader.desktop (which offers the
# app as an optional PDF viewer: it appears under "Open with", it never becomes the default),
# PREFIX/share/metainfo/*.metainfo.xml and the hicolor icons, then refreshes the caches.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ID=org.brochurereader.BrochureReader
PREFIX="$HOME/.local"
BUNDLE=""
UNINSTALL=0
while (( $# )); do
    case "$1" in
        --prefix) PREFIX="$2"; shift 2 ;;
        --bundle) BUNDLE="$(cd "$2" && pwd)"; shift 2 ;;
        --uninstall) UNINSTALL=1; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
SHARE="$PREFIX/share"

refresh() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
}

if (( UNINSTALL )); then
    rm -f "$SHARE/applications/$ID.desktop" "$SHARE/metainfo/$ID.metainfo.xml"
    find "$SHARE/icons/hicolor" -name "$ID.*" -delete 2>/dev/null || true
    if [[ -L "$PREFIX/bin/brochure-reader" && "$(readlink "$PREFIX/bin/brochure-reader")" == "$PREFIX/lib/brochure-reader/"* ]]; then
        rm -f "$PREFIX/bin/brochure-reader"
        rm -rf "$PREFIX/lib/brochure-reader"
    fi
    refresh
    echo "removed Brochure Reader from $PREFIX"
    exit 0
fi

if [[ -n "$BUNDLE" ]]; then
    [[ -x "$BUNDLE/brochure-reader" ]] || { echo "no brochure-reader program in $BUNDLE" >&2; exit 1; }
    rm -rf "$PREFIX/lib/brochure-reader"
    mkdir -p "$PREFIX/lib" "$PREFIX/bin"
    cp -a "$BUNDLE" "$PREFIX/lib/brochure-reader"
    ln -sfn "$PREFIX/lib/brochure-reader/brochure-reader" "$PREFIX/bin/brochure-reader"
fi
install -Dm644 "$HERE/$ID.desktop" "$SHARE/applications/$ID.desktop"
install -Dm644 "$HERE/$ID.metainfo.xml" "$SHARE/metainfo/$ID.metainfo.xml"
(cd "$HERE/icons" && find hicolor -name "$ID.*" -type f) | while read -r icon; do
    install -Dm644 "$HERE/icons/$icon" "$SHARE/icons/$icon"
done
refresh
command -v brochure-reader >/dev/null || [[ -x "$PREFIX/bin/brochure-reader" ]] \
    || echo "note: brochure-reader is not on PATH; install it (pipx install .) or use --bundle" >&2
echo "installed Brochure Reader into $PREFIX"

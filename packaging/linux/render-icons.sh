#!/usr/bin/env bash
# Render the PNG sizes of the app icon from icons/org.brochurereader.BrochureReader.svg into the
# hicolor layout under icons/hicolor/ (run again after changing the SVG; the PNGs are committed).
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/icons"
ID=org.brochurereader.BrochureReader
mkdir -p hicolor/scalable/apps
cp "$ID.svg" "hicolor/scalable/apps/$ID.svg"
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" "$ID.svg" \
        --output "hicolor/${size}x${size}/apps/$ID.png"
done
echo "rendered: $(find hicolor -name "$ID.*" | sort | tr '\n' ' ')"

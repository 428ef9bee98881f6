#!/bin/sh
# Renders every view of the built-in dataset to docs/screenshots/VIEW-WIDTH-THEME-dprN.png
# (SVG from the CLI, PNG by rsvg-convert). To keep the folder small, only light at every
# width, dark at 800 px, and dpr 2 at 320 px (phones) are rendered, each cropped to the first 640 CSS px, as a reader first sees it.
set -eu
cd "$(dirname "$0")/../.."
BIN=${BIN:-target/release/evidence-lens}
OUT=docs/screenshots
tmp=$(mktemp -d)
for view in forest map harms claims funnel; do
  for width in 320 800 1600; do
    for theme in light dark; do
      for dpr in 1 2; do
        case "$width-$theme-dpr$dpr" in
          *-light-dpr1|800-dark-dpr1|320-light-dpr2) ;;
          *) continue ;;
        esac
        name="$view-$width-$theme-dpr$dpr"
        "$BIN" render src/data/ms-stem-cells.json --view "$view" --width "$width" --theme "$theme" --dpr "$dpr" -o "$tmp/$name.svg"
        # Crop to the first 640 CSS px by shortening the SVG's height (rsvg clips the rest).
        h=$((640 * dpr))
        sed -i -E "1s/height=\"[0-9]+\"/height=\"$h\"/; 1s/viewBox=\"0 0 ([0-9]+) [0-9]+\"/viewBox=\"0 0 \\1 $h\"/" "$tmp/$name.svg"
        rsvg-convert "$tmp/$name.svg" -o "$OUT/$name.png"
      done
    done
  done
done
rm -rf "$tmp"
du -sh "$OUT"

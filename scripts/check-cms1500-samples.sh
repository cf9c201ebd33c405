#!/bin/sh
# Generates CMS-1500 samples in both modes and checks every value's position with the shared,
# independent checker (check.py, needs pdftotext from poppler-utils).
#   scripts/check-cms1500-samples.sh [OUTDIR]
set -eu
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
checker="${CMS1500_CHECK:-/work/shared/tools/cms1500/check.py}"
npx tsx test/cms1500/samples.ts "$out"
status=0
for sample in single-full single-data multi-full multi-data preview-full; do
  echo "== $sample"
  # our layout copy adds carrier_page (PAGE i OF n) to the shared one
  if ! python3 "$checker" "$out/$sample.pdf" "$out/$sample.expect.json" --layout resources/cms1500/layout.json; then
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "all CMS-1500 samples passed" || echo "CMS-1500 samples FAILED"
exit "$status"

#!/usr/bin/env bash
# `npm run conformance`: our 837P files and CMS-1500 forms judged by the independent checkers in
# ../shared/tools (not by our own reader), so a mistake we share with our tests still shows:
#   - every golden 837P (test/golden/837p/*.x12) and the 837P the import example builds
#     (docs/examples) through validate-837p.sh: pyx12 with the X222A1 map plus business rules;
#   - the secondary, tertiary and void 837P a stored office drafts when 835s post (issue 13);
#   - CMS-1500 samples (test/cms1500/samples.ts, secondaries with item 29 among them) through check.py:
#     every value in its box.
# They live outside the repository, so this is not part of `npm test`; a missing checker is a
# failure that names what is missing, never a silent pass.
#
#   scripts/conformance.sh [--out DIR] [FILE.x12 ...]
#     FILE.x12 ...  validate only these 837P files (nothing else runs)
#     --out DIR     keep the generated files (example 837P, CMS-1500 samples) in DIR
# Environment (optional):
#   PERDIEM_SHARED   the shared folder (default: ../shared beside the repository)
#   PYX12_SRC        a pyx12 source tree (github.com/azoner/pyx12), or else
#   X12_MIRROR_ROOT  a folder holding a bare git mirror of pyx12 (default: the first .mirror
#                    folder holding one, beside or one level above the repository or the shared folder)
# Exit: 0 every check passed, 1 some failed, 3 a checker or its setup is missing.
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OUT=""
FILES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || { echo "conformance: --out needs a folder" >&2; exit 2; }; OUT="$2"; shift 2 ;;
    -*) echo "usage: scripts/conformance.sh [--out DIR] [FILE.x12 ...]" >&2; exit 2 ;;
    *) FILES+=("$1"); shift ;;
  esac
done

pass=0
fail=0
failed=()
ok() { pass=$((pass + 1)); echo "PASS  $1"; }
ko() { fail=$((fail + 1)); failed+=("$1"); echo "FAIL  $1"; }

# a checker that cannot run is a failure too: say what is missing, count it, stop
missing() {
  echo "conformance: MISSING $1" >&2
  shift
  for line in "$@"; do echo "  $line" >&2; done
  echo "$pass passed, $((fail + 1)) failed"
  exit 3
}

# ---- the checkers and what they need --------------------------------------------------------
SHARED="${PERDIEM_SHARED:-$ROOT/../shared}"
[ -d "$SHARED" ] || missing "the shared folder (specs and checkers): no folder $SHARED" \
  "clone the project beside it (as ../shared) or set PERDIEM_SHARED"
SHARED="$(cd "$SHARED" && pwd)"
VALIDATOR="$SHARED/tools/x12/validate-837p.sh"
CHECKER="$SHARED/tools/cms1500/check.py"
[ -x "$VALIDATOR" ] || missing "the 837P validator: $VALIDATOR"
[ ${#FILES[@]} -gt 0 ] || [ -f "$CHECKER" ] || missing "the CMS-1500 checker: $CHECKER"
[ ${#FILES[@]} -gt 0 ] || command -v pdftotext >/dev/null 2>&1 ||
  missing "pdftotext, which check.py reads the forms with" "apt-get install poppler-utils"

# pyx12, which both validators run: one lookup for every check (scripts/pyx12-source.sh)
PYX12_SRC="$("$ROOT/scripts/pyx12-source.sh" 2>"${TMPDIR:-/tmp}/pyx12-source.$$")" ||
  missing "pyx12 (github.com/azoner/pyx12), which the validators run" "$(cat "${TMPDIR:-/tmp}/pyx12-source.$$")"
rm -f "${TMPDIR:-/tmp}/pyx12-source.$$"
export PYX12_SRC

WORK="$(mktemp -d "${TMPDIR:-/tmp}/perdiem-conformance.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
GEN="$WORK"   # where the generated files go
[ -z "$OUT" ] || { mkdir -p "$OUT" && GEN="$(cd "$OUT" && pwd)"; } || exit 2

# one 837P through pyx12 + rules; exit 3 from the validator is its setup (Python, pyx12), not the file
check_837p() {
  local name="$1" file="$2" out rc
  out="$("$VALIDATOR" "$file" 2>&1)"
  rc=$?
  if [ "$rc" = 3 ]; then
    echo "$out" >&2
    missing "what validate-837p.sh needs (its message above)"
  fi
  if [ "$rc" = 0 ]; then ok "837P $name  $(echo "$out" | grep -o '(pyx12:.*')"
  else ko "837P $name"; echo "$out" | sed 's/^/      /'; fi
}

# the example office's October, imported, built and exported as `perdiem` does for a user
example_837p() {
  local db="$WORK/example.sqlite" x12="$GEN/example.x12" log="$WORK/example.log"
  # a scratch database: not encrypted, on purpose (--plain)
  perdiem() { node bin/perdiem.mjs "$@" --db "$db" --now 2026-11-05 --plain >>"$log" 2>&1; }
  if perdiem import docs/examples/import-example.json &&
    perdiem build --from 2026-10-01 --to 2026-10-31 &&
    perdiem export 837 --out "$x12" --from 2026-10-01 --to 2026-10-31 --accept-warnings; then
    check_837p "example (docs/examples, October 2026)" "$x12"
  else
    ko "837P example: perdiem could not build it"; sed 's/^/      /' "$log"
  fi
}

# secondary claims on a stored office (issue 13): the secondary, tertiary and void 837P as posting drafts them
cob_837p() {
  if ! npx tsx scripts/conformance-cob-samples.ts "$GEN" >"$WORK/cob.log" 2>&1; then
    ko "837P secondary claims: scripts/conformance-cob-samples.ts failed"; sed 's/^/      /' "$WORK/cob.log"
    return
  fi
  local f
  for f in cob-secondary cob-tertiary cob-void; do check_837p "stored office $f" "$GEN/$f.x12"; done
}

cms1500_samples() {
  if ! npx tsx test/cms1500/samples.ts "$GEN" >"$WORK/samples.log" 2>&1; then
    ko "CMS-1500 samples: test/cms1500/samples.ts failed"; sed 's/^/      /' "$WORK/samples.log"
    return
  fi
  local sample out
  for sample in single-full single-data multi-full multi-data preview-full secondary-full tertiary-data; do
    # our layout copy adds carrier_page (PAGE i OF n) to the shared one
    if out="$(python3 "$CHECKER" "$GEN/$sample.pdf" "$GEN/$sample.expect.json" --layout resources/cms1500/layout.json 2>&1)"; then
      ok "CMS-1500 $sample  ($(echo "$out" | tail -n 1))"
    else
      ko "CMS-1500 $sample"; echo "$out" | grep -v '^ok' | sed 's/^/      /'
    fi
  done
}

# the test payer's 999, 277CA and 835 through pyx12 (scripts/conformance-acks.sh), counted here
acks_835() {
  local out line
  out="$("$ROOT/scripts/conformance-acks.sh" 2>&1)"
  line="$(echo "$out" | tail -n 1)"
  if [[ "$line" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    echo "$out" | sed '$d'
    pass=$((pass + BASH_REMATCH[1])); fail=$((fail + BASH_REMATCH[2]))
    [ "${BASH_REMATCH[2]}" = 0 ] || failed+=("acknowledgments and remittances (see above)")
  else
    ko "999/277CA/835 samples: scripts/conformance-acks.sh did not finish"; echo "$out" | sed 's/^/      /'
  fi
}

echo "conformance: checkers from $SHARED/tools"
if [ ${#FILES[@]} -gt 0 ]; then
  for f in "${FILES[@]}"; do check_837p "$f" "$f"; done
else
  for f in test/golden/837p/*.x12; do check_837p "golden $(basename "$f")" "$f"; done
  example_837p
  cob_837p
  cms1500_samples
  acks_835
fi

echo
[ "$fail" = 0 ] || { echo "failed:"; printf '  %s\n' "${failed[@]}"; }
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

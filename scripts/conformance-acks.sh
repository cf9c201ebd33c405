#!/usr/bin/env bash
# pyx12 conformance of what the test payer writes (test/support/testPayer.ts): 999
# (005010X231A1), 277CA (005010X214) and 835 (005010X221A1) samples from test/support/samplePlans.ts,
# plus the hand-written reference files in test/receive/files, each checked with pyx12's x12valid.
# Prints one line per file and "N passed, N failed"; exit 0 when all pass, 1 otherwise, 3 on setup.
#
# Environment:
#   PYX12_SRC, PYX12_GIT  where pyx12 is (scripts/pyx12-source.sh says where else it looks)
#   PYTHON      a python >= 3.11 that has defusedxml (default: the first python3 that has it)
#   KEEP        a folder to keep the samples in (default: a temporary folder, removed)
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

SRC="$("$ROOT/scripts/pyx12-source.sh")" || exit 3
for m in 835.5010.X221.A1.xml 999.5010X231.A1.xml 277.5010.X214.xml; do
  [ -f "$SRC/pyx12/map/$m" ] || { echo "conformance-acks: $SRC has no map $m" >&2; exit 3; }
done

PY=""
for c in ${PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys, defusedxml; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then PY="$c"; break; fi
done
[ -n "$PY" ] || { echo "conformance-acks: need python3 >= 3.11 with defusedxml (apt-get install python3-defusedxml)" >&2; exit 3; }

OUT="${KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/conformance-acks.XXXXXX")}"
mkdir -p "$OUT"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$OUT"' EXIT
(cd "$ROOT" && npx tsx scripts/conformance-acks-samples.ts "$OUT") || { echo "conformance-acks: could not write the samples" >&2; exit 3; }
cp "$ROOT"/test/receive/files/reference-*.x12 "$OUT"/ 2>/dev/null

pass=0; fail=0
for f in "$OUT"/*.x12; do
  out="$(cd "$OUT" && PYTHONPATH="$SRC" "$PY" -m pyx12.scripts.x12valid -q "$f" 2>&1)"
  # pyx12 also tries to write a 999 about every file it reads and fails to for an 835 or 277
  # ("Failed to create 999 response", a traceback): that is no finding about the file
  if echo "$out" | grep -q ": OK$" && ! echo "$out" | grep -q "ERROR Line:"; then
    pass=$((pass + 1)); echo "PASS $(basename "$f")"
  else
    fail=$((fail + 1)); echo "FAIL $(basename "$f")"; echo "$out" | grep "ERROR Line:" | sed 's/^[0-9-]* [0-9:,]* /    /'
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

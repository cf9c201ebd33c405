#!/usr/bin/env bash
# pyx12 conformance of what the test payer writes (test/support/testPayer.ts): 999
# (005010X231A1), 277CA (005010X214) and 835 (005010X221A1) samples from test/support/samplePlans.ts,
# plus the hand-written reference files in test/receive/files, each checked with pyx12's x12valid.
# Prints one line per file and "N passed, N failed"; exit 0 when all pass, 1 otherwise, 3 on setup.
#
# Environment:
#   PYX12_SRC   a pyx12 source tree (github.com/azoner/pyx12), required unless PYX12_GIT is set
#   PYX12_GIT   a bare git mirror of pyx12; its HEAD is unpacked under ${TMPDIR:-/tmp}/x12work
#               (default: a .mirror/*pyx12* folder two or three levels above this checkout)
#   PYTHON      a python >= 3.11 that has defusedxml (default: the first python3 that has it)
#   KEEP        a folder to keep the samples in (default: a temporary folder, removed)
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

SRC="${PYX12_SRC:-}"
if [ -z "$SRC" ] && [ -z "${PYX12_GIT:-}" ]; then
  for up in "$ROOT/../.." "$ROOT/../../.."; do
    for cand in "$up"/.mirror/*pyx12*/repo "$up"/.mirror/*pyx12*; do
      if git --git-dir="$cand" rev-parse --verify -q HEAD >/dev/null 2>&1; then PYX12_GIT="$cand"; break 2; fi
    done
  done
fi
if [ -z "$SRC" ] && [ -n "${PYX12_GIT:-}" ]; then
  REV="$(git --git-dir="$PYX12_GIT" rev-parse HEAD 2>/dev/null)" || { echo "conformance-acks: $PYX12_GIT is not a git directory" >&2; exit 3; }
  SRC="${TMPDIR:-/tmp}/x12work/pyx12-cache/${REV:0:12}"
  if [ ! -f "$SRC/pyx12/x12n_document.py" ]; then
    mkdir -p "$SRC.tmp.$$" && git --git-dir="$PYX12_GIT" archive HEAD | tar -x -C "$SRC.tmp.$$" \
      && { mv "$SRC.tmp.$$" "$SRC" 2>/dev/null || rm -rf "$SRC.tmp.$$"; }
  fi
fi
if [ -z "$SRC" ] || [ ! -f "$SRC/pyx12/scripts/x12valid.py" ]; then
  echo "conformance-acks: set PYX12_SRC to a pyx12 source tree (or PYX12_GIT to a bare mirror of it)" >&2
  exit 3
fi
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

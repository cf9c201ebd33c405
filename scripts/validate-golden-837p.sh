#!/usr/bin/env bash
# Runs the independent 837P validator (pyx12 + business rules, ../shared/tools/x12) on every
# golden file. Dev-time only: CI may not have pyx12. Exit 0 when every file is VALID.
#   VALIDATE_837P=/path/to/validate-837p.sh scripts/validate-golden-837p.sh [FILE.x12 ...]
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VALIDATOR="${VALIDATE_837P:-}"
if [ -z "$VALIDATOR" ]; then
  for cand in "$ROOT/../shared/tools/x12/validate-837p.sh" "$ROOT/../../shared/tools/x12/validate-837p.sh"; do
    [ -x "$cand" ] && { VALIDATOR="$cand"; break; }
  done
fi
if [ -z "$VALIDATOR" ] || [ ! -x "$VALIDATOR" ]; then
  echo "validate-golden-837p: validate-837p.sh not found; set VALIDATE_837P" >&2
  exit 3
fi
if [ $# -gt 0 ]; then FILES=("$@"); else FILES=("$ROOT"/test/golden/837p/*.x12); fi
pass=0; fail=0
for f in "${FILES[@]}"; do
  out="$("$VALIDATOR" "$f" 2>&1)"; rc=$?
  if [ "$rc" = 3 ]; then echo "$out"; exit 3; fi
  if [ "$rc" = 0 ]; then pass=$((pass + 1)); echo "VALID   $(basename "$f")  $(echo "$out" | grep -o '(pyx12:.*')"
  else fail=$((fail + 1)); echo "INVALID $(basename "$f")"; echo "$out" | sed 's/^/    /'; fi
done
echo "$pass valid, $fail invalid"
[ "$fail" = 0 ]

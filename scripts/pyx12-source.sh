#!/usr/bin/env bash
# Prints the folder of a pyx12 source tree (github.com/azoner/pyx12) for the conformance checks,
# which run it against the files the product writes; pyx12's code is never part of this project.
# Looks, in order, at:
#   PYX12_SRC                                  a source tree
#   PYX12_GIT                                  a bare git mirror (its HEAD is unpacked to the cache)
#   ${XDG_CACHE_HOME:-$HOME/.cache}/perdiem/pyx12   a source tree kept on this machine
#   a .mirror/*pyx12* bare mirror beside or above this checkout or ../shared
# Exit 3 with what it looked for when there is none (the checks then say so and count as not run).
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/perdiem/pyx12"
is_tree() { [ -f "$1/pyx12/scripts/x12valid.py" ]; }

if [ -n "${PYX12_SRC:-}" ]; then
  is_tree "$PYX12_SRC" || { echo "PYX12_SRC=$PYX12_SRC is not a pyx12 source tree" >&2; exit 3; }
  echo "$PYX12_SRC"; exit 0
fi
GITDIR="${PYX12_GIT:-}"
if [ -z "$GITDIR" ]; then
  is_tree "$CACHE" && { echo "$CACHE"; exit 0; }
  for up in "$ROOT/.." "$ROOT/../.." "$ROOT/../../.."; do
    for cand in "$up"/.mirror/*pyx12*/repo "$up"/.mirror/*pyx12*; do
      if git --git-dir="$cand" rev-parse --verify -q HEAD >/dev/null 2>&1; then GITDIR="$cand"; break 2; fi
    done
  done
fi
if [ -z "$GITDIR" ]; then
  echo "no pyx12: set PYX12_SRC to a source tree of github.com/azoner/pyx12 (or PYX12_GIT to a bare mirror of it), or unpack one into $CACHE" >&2
  exit 3
fi
if ! is_tree "$CACHE"; then
  mkdir -p "$CACHE.tmp.$$" && git --git-dir="$GITDIR" archive HEAD | tar -x -C "$CACHE.tmp.$$" || { echo "cannot unpack pyx12 from $GITDIR" >&2; rm -rf "$CACHE.tmp.$$"; exit 3; }
  rm -rf "$CACHE" && mv "$CACHE.tmp.$$" "$CACHE"
fi
echo "$CACHE"

#!/bin/sh
# `npm start`: the compiled server (dist/, built by prestart) with the memory settings it is measured with
# (docs/caching.md, "Compression and memory"). Settings already in the environment win.
#
# V8 sizes its young generation only from the command line, and the right size depends on the database:
# - PGlite keeps the database inside this process, so the young generation is capped at 8 MB per
#   semi-space to keep a 100,000-article site near 250 MB resident;
# - on PostgreSQL (DATABASE_URL) the process is about 160 MB under load, and V8's 32 MB semi-spaces
#   served about 15% more uncached pages per second for about 55 MB more (six paired runs).
set -e
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-4194304}"
if [ -n "${DATABASE_URL:-}" ]; then semi_space_mb=32; else semi_space_mb=8; fi
exec "${NODE:-node}" --max-semi-space-size="${SEMI_SPACE_MB:-$semi_space_mb}" dist/main.js "$@"

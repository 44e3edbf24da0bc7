#!/usr/bin/env bash
# GNU parallel as a distributed engine: `parallel --pipe` cuts the JSON
# Lines stream into chunks, `liaison extract -` maps each, `liaison merge`
# reduces; the graph must equal one build byte for byte.  Skips (77)
# without parallel.  usage: parallel.sh LIAISON SRC_ROOT
set -uo pipefail
bin=$1 src=$2
command -v parallel > /dev/null || { echo "parallel not installed; skipped"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { local name=$1; shift; if "$@"; then passed=$((passed+1)); else echo "FAIL $name"; failed=$((failed+1)); fi; }
same_graph() { cmp -s "$1/graph.graphml" "$2/graph.graphml" && cmp -s "$1/graph.dot" "$2/graph.dot"; }
docs=$src/tests/generality/docs.jsonl
"$bin" build -q --no-svg -o "$tmp/ref" "$src"/tests/corpus "$docs"

# Map over stdin chunks of 3 documents (order of chunks unspecified), reduce once.
{ for f in "$src"/tests/corpus/*.txt; do
      python3 -c 'import json,sys,os; p=sys.argv[1]; print(json.dumps({"id": os.path.basename(p), "text": open(p, encoding="utf-8").read()}, ensure_ascii=False))' "$f"
  done; cat "$docs"; } > "$tmp/all.jsonl"
parallel --pipe -N3 "$bin" extract -q -j 1 - < "$tmp/all.jsonl" > "$tmp/facts.jsonl"
check "parallel --pipe -N3: exit 0" test $? -eq 0
"$bin" merge -q --no-svg -o "$tmp/m" "$tmp/facts.jsonl"
check "parallel --pipe -N3 | merge equals build" same_graph "$tmp/ref" "$tmp/m"

# Map over files, one job per file, facts to one file per job, merge all.
mkdir -p "$tmp/sh" "$tmp/out"
split -l 2 -d --additional-suffix=.jsonl "$tmp/all.jsonl" "$tmp/sh/s"
ls "$tmp"/sh/*.jsonl | parallel -j 3 "$bin extract -q -j 1 {} > $tmp/out/{/.}.facts"
check "parallel over files: exit 0" test $? -eq 0
"$bin" merge -q --no-svg -o "$tmp/m2" "$tmp"/out/*.facts
check "parallel over files | merge equals build" same_graph "$tmp/ref" "$tmp/m2"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

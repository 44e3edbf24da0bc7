#!/usr/bin/env bash
# networkx agrees with liaison's centralities on the graphs of the sample
# corpus and of the generality articles.
set -euo pipefail
bin=$1 src=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
status=0
for input in "$src/tests/corpus" "$src/tests/generality/docs.jsonl"; do
    name=$(basename "$input")
    "$bin" build -q --no-svg -o "$out/$name" "$input"
    /usr/bin/python3 "$src/tests/check_networkx.py" "$out/$name/graph.graphml" || status=$?
    [ "$status" = 77 ] && exit 77
done
exit $status

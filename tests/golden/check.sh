#!/usr/bin/env bash
# Golden test: the sample corpus's GraphML and DOT, byte for byte, and the
# same bytes again with the inputs in reverse order.
# Regenerate on purpose with:  LIAISON_REGEN=1 meson test -C build --suite golden
set -euo pipefail
bin=$1 src=$2
want="$src/tests/golden/sample"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
mapfile -t docs < <(ls "$src"/tests/corpus/*.txt | sort)
"$bin" build -q --no-svg -o "$out/a" "${docs[@]}"
mapfile -t rev < <(printf '%s\n' "${docs[@]}" | sort -r)
"$bin" build -q --no-svg -o "$out/b" "${rev[@]}"
if [ "${LIAISON_REGEN:-}" = 1 ]; then
    cp "$out/a/graph.graphml" "$out/a/graph.dot" "$want/"
    echo "regenerated $want"
fi
passed=0 failed=0
for f in graph.graphml graph.dot; do
    if cmp -s "$out/a/$f" "$want/$f"; then passed=$((passed+1)); else
        echo "FAIL $f differs from $want/$f:"; diff "$want/$f" "$out/a/$f" | head -20; failed=$((failed+1)); fi
    if cmp -s "$out/a/$f" "$out/b/$f"; then passed=$((passed+1)); else
        echo "FAIL $f depends on input order"; failed=$((failed+1)); fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# valgrind on a build of the sample corpus: no invalid reads or writes, no
# use of uninitialised values (leaks are not checked: Graphviz keeps its
# plugins on purpose).  usage: valgrind.sh LIAISON SRC_ROOT; skips (77)
# without valgrind.
set -u
bin=$1 src=$2
command -v valgrind >/dev/null || { echo "valgrind not installed"; exit 77; }
work=$(mktemp -d "$PWD/valgrind.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {
    local id=$1; shift
    if valgrind -q --error-exitcode=1 --leak-check=no "$@" >"$work/$id.log" 2>&1; then
        passed=$((passed+1))
    else
        failed=$((failed+1)); echo "FAIL $id:"; head -40 "$work/$id.log"
    fi
}
check build "$bin" build -q -j 2 -o "$work/out" "$src/tests/corpus"
check rank "$bin" rank --measure betweenness "$work/out/graph.graphml"
check jsonl "$bin" build -q --no-svg -o "$work/out2" "$src/tests/generality/docs.jsonl"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

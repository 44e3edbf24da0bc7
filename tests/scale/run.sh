#!/usr/bin/env bash
# Scale suite: exact sharding (extract shards in any order, merge, compare
# with one build byte for byte), identical output for every -j, stdin
# streams, the per-document size limit, and extract/merge usage.
# usage: run.sh LIAISON SRC_ROOT
set -uo pipefail
bin=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed+1)); }
bad() { echo "FAIL $*"; failed=$((failed+1)); }
check() { local name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }
same_graph() { cmp -s "$1/graph.graphml" "$2/graph.graphml" && cmp -s "$1/graph.dot" "$2/graph.dot"; }

corpus=("$src"/tests/corpus/*.txt)
docs=$src/tests/generality/docs.jsonl

# The reference: one build over everything.
"$bin" build -q --no-svg -j 1 -o "$tmp/ref" "${corpus[@]}" "$docs" || bad "build reference"

# S1 shards: txt files in three groups, the JSON Lines split in three by lines.
mkdir -p "$tmp/sh"
split -n l/3 -d --additional-suffix=.jsonl "$docs" "$tmp/sh/part"
"$bin" extract -q -j 2 "${corpus[@]:0:3}" > "$tmp/f0.jsonl" || bad "S1 extract 0"
"$bin" extract -q -j 1 "${corpus[@]:3:3}" "$tmp/sh/part00.jsonl" > "$tmp/f1.jsonl" || bad "S1 extract 1"
"$bin" extract -q -j 3 "${corpus[@]:6}" "$tmp/sh/part02.jsonl" > "$tmp/f2.jsonl" || bad "S1 extract 2"
"$bin" extract -q "$tmp/sh/part01.jsonl" > "$tmp/f3.jsonl" || bad "S1 extract 3"
"$bin" merge -q --no-svg -o "$tmp/m1" "$tmp/f3.jsonl" "$tmp/f2.jsonl" "$tmp/f1.jsonl" "$tmp/f0.jsonl" \
    || bad "S1 merge"
check "S1 sharded extract+merge (reversed) equals build" same_graph "$tmp/ref" "$tmp/m1"
"$bin" merge -q --no-svg -o "$tmp/m1b" "$tmp/f0.jsonl" "$tmp/f1.jsonl" "$tmp/f2.jsonl" "$tmp/f3.jsonl" \
    || bad "S1 merge forward"
check "S1b merge order does not matter" same_graph "$tmp/ref" "$tmp/m1b"

# S2 fact lines shuffled and concatenated into one stream on stdin.
cat "$tmp"/f?.jsonl | sort -r | "$bin" merge -q --no-svg -o "$tmp/m2" - || bad "S2 merge stdin"
check "S2 merge of shuffled fact lines from stdin equals build" same_graph "$tmp/ref" "$tmp/m2"

# S3 one document per shard.
i=0
for f in "${corpus[@]}"; do "$bin" extract -q -j 1 "$f" > "$tmp/one$i.jsonl"; i=$((i+1)); done
while IFS= read -r line; do
    printf '%s\n' "$line" | "$bin" extract -q -j 1 - > "$tmp/one$i.jsonl"; i=$((i+1))
done < "$docs"
"$bin" merge -q --no-svg -o "$tmp/m3" $(ls "$tmp"/one*.jsonl | sort -r) || bad "S3 merge"
check "S3 one document per shard equals build" same_graph "$tmp/ref" "$tmp/m3"

# S4 the same entity from two documents with different fields: either order.
printf '%s\n' '{"kind":"entity","key":"x","type":"person","name":"ب","role":"مدير","aliases":["ب"],"mentions":1}' \
    '{"kind":"entity","key":"y","type":"country","name":"ي","country":"YY","aliases":[],"mentions":1}' \
    '{"kind":"relation","relation":"met","a":"x","b":"y","date":"2024-01-02","source":"d1","rule":"r1"}' > "$tmp/c1.jsonl"
printf '%s\n' '{"kind":"entity","key":"x","type":"person","name":"أ","name_latin":"A","role":"وزير","aliases":["أ"],"mentions":2}' \
    '{"kind":"entity","key":"y","type":"country","name":"ي","country":"YY","aliases":[],"mentions":1}' \
    '{"kind":"relation","relation":"met","a":"y","b":"x","place":"y","source":"d1","evidence":"e","rule":"r0"}' > "$tmp/c2.jsonl"
"$bin" merge -q --no-svg -o "$tmp/c12" "$tmp/c1.jsonl" "$tmp/c2.jsonl"
"$bin" merge -q --no-svg -o "$tmp/c21" "$tmp/c2.jsonl" "$tmp/c1.jsonl"
check "S4 conflicting fields merge the same in either order" same_graph "$tmp/c12" "$tmp/c21"

# J: -j N gives the same bytes as -j 1.
"$bin" extract -q -j 1 "${corpus[@]}" "$docs" > "$tmp/j1.jsonl"
for j in 2 3 8; do
    "$bin" extract -q -j $j "${corpus[@]}" "$docs" > "$tmp/j$j.jsonl"
    check "J1 extract -j $j equals -j 1" cmp -s "$tmp/j1.jsonl" "$tmp/j$j.jsonl"
    "$bin" build -q --no-svg -j $j -o "$tmp/b$j" "${corpus[@]}" "$docs"
    check "J2 build -j $j equals -j 1" same_graph "$tmp/ref" "$tmp/b$j"
done
"$bin" merge -q --no-svg -o "$tmp/mj" "$tmp/j1.jsonl"
check "J3 one extract | merge equals build" same_graph "$tmp/ref" "$tmp/mj"

# D: a network of about two thousand actors built twice gives the same
# bytes (igraph's PageRank sums in parallel unless told otherwise).
if [ -x /usr/bin/python3 ]; then
    /usr/bin/python3 "$src/bench/gen_corpus.py" 1 > "$tmp/big.jsonl"
    "$bin" build -q --no-svg -o "$tmp/big1" "$tmp/big.jsonl"
    "$bin" build -q --no-svg -o "$tmp/big2" "$tmp/big.jsonl"
    check "D1 the same corpus built twice gives the same bytes" same_graph "$tmp/big1" "$tmp/big2"
fi

# I: stdin stream equals the file; output order is input order.
"$bin" extract -q -j 2 - < "$docs" > "$tmp/in.jsonl"
"$bin" extract -q -j 1 "$docs" > "$tmp/file.jsonl"
check "I1 extract - equals extract FILE" cmp -s "$tmp/in.jsonl" "$tmp/file.jsonl"
order=$(grep -o '"source":"[^"]*"' "$tmp/file.jsonl" | uniq | tr '\n' ' ')
want=$(grep -o '"id": *"[^"]*"' "$docs" | sed 's/"id": *//; s/^/"source":/' | tr '\n' ' ')
check "I2 output in input order" test "$order" = "$want"

# L: the per-document size limit.
big=$tmp/big.txt
{ head -c 300 "${corpus[0]}"; for _ in $(seq 400); do echo "كلام كثير بلا معنى في وثيقة طويلة جداً للاختبار"; done; } > "$big"
"$bin" extract -j 2 --max-doc-bytes 8K "$big" "${corpus[1]}" > "$tmp/l1.jsonl" 2> "$tmp/l1.err"
check "L1 exit 0 with a skipped document" test $? -eq 0
check "L2 warning names the document" grep -q "big.txt.*limit.*skipped" "$tmp/l1.err"
check "L3 other documents still extracted" grep -q "$(basename "${corpus[1]}")" "$tmp/l1.jsonl"
{ head -n 2 "$docs"
  printf '{"id": "huge", "text": "%s"}\n' "$(head -c 200000 /dev/zero | tr '\0' 'x')"
  tail -n +3 "$docs"; } > "$tmp/huge.jsonl"
"$bin" extract -j 2 --max-doc-bytes 16K - < "$tmp/huge.jsonl" > "$tmp/l2.jsonl" 2> "$tmp/l2.err"
check "L4 huge JSON line: exit 0" test $? -eq 0
check "L5 huge JSON line: warning names stdin line 3" grep -q "stdin.jsonl:3: line longer" "$tmp/l2.err"
n_src=$(grep -o '"source":"[^"]*"' "$tmp/l2.jsonl" | sort -u | wc -l)
n_want=$(grep -o '"source":"[^"]*"' "$tmp/file.jsonl" | sort -u | wc -l)
check "L6 every other document extracted ($n_src of $n_want)" test "$n_src" -eq "$n_want"
"$bin" build -q --no-svg --max-doc-bytes 8K -o "$tmp/lb" "$big" "${corpus[1]}" 2> "$tmp/l3.err"
check "L7 build skips quietly with -q" test ! -s "$tmp/l3.err"
"$bin" build --no-svg --max-doc-bytes 8K -o "$tmp/lb" "$big" "${corpus[1]}" > /dev/null 2> "$tmp/l4.err"
check "L8 build warns naming the document" grep -q "'big.txt'.*skipped" "$tmp/l4.err"

# P: no progress line when stderr is not a terminal.
"$bin" extract "${corpus[@]}" > /dev/null 2> "$tmp/p.err"
check "P1 extract writes nothing on a non-tty stderr" test ! -s "$tmp/p.err"
if command -v script > /dev/null; then
    script -qec "$bin extract -j 1 $docs $docs $docs $docs $docs > /dev/null" /dev/null > "$tmp/p2.out" 2>&1
    check "P2 exit 0 on a terminal" test $? -eq 0
fi

# U: usage.
for cmd in extract merge; do
    "$bin" $cmd --help > "$tmp/h.out" 2>&1
    check "U1 $cmd --help exit 0" test $? -eq 0
    check "U2 $cmd --help prints usage" grep -q "^usage: liaison $cmd" "$tmp/h.out"
    "$bin" $cmd > /dev/null 2>&1; check "U3 $cmd without input exits 2" test $? -eq 2
    "$bin" $cmd --bogus x > /dev/null 2>&1; check "U4 $cmd unknown option exits 2" test $? -eq 2
done
"$bin" extract -j 0 x > /dev/null 2>&1; check "U5 extract -j 0 exits 2" test $? -eq 2
"$bin" build -j x x > /dev/null 2>&1; check "U6 build -j x exits 2" test $? -eq 2
"$bin" extract --max-doc-bytes 4Q x > /dev/null 2>&1; check "U7 bad --max-doc-bytes exits 2" test $? -eq 2
"$bin" extract --on-bad-input=maybe x > /dev/null 2>&1; check "U8 bad --on-bad-input exits 2" test $? -eq 2
"$bin" extract - - < /dev/null > /dev/null 2>&1; check "U9 extract - - exits 2" test $? -eq 2
"$bin" extract "$tmp/missing.txt" > /dev/null 2> "$tmp/u.err"
check "U10 missing input exits 1" test $? -eq 1
check "U11 missing input message" grep -q "^liaison: error: cannot open '.*missing.txt'" "$tmp/u.err"
printf '{"kind":"entity"\n' > "$tmp/broken.jsonl"
"$bin" merge -q -o "$tmp/mb" "$tmp/broken.jsonl" > /dev/null 2> "$tmp/u2.err"
check "U12 malformed facts exit 1" test $? -eq 1
check "U13 malformed facts name file:line" grep -q "broken.jsonl:1:" "$tmp/u2.err"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

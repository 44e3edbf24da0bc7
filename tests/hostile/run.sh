#!/usr/bin/env bash
# Hostile inputs through the real command line: bad bytes under each
# --on-bad-input policy, odd files, a 100 MB line, malformed JSON Lines and
# rules, hostile GraphML, special characters in every export, atomic and
# reproducible outputs.  usage: run.sh LIAISON SRC_ROOT [PYTHON]
# Generated inputs go to a temp dir in the current (build) directory.
set -u
bin=$1 src=$2 py=${3:-/usr/bin/python3}
cases=$src/tests/hostile/cases
corpus=$src/tests/corpus
work=$(mktemp -d "$PWD/hostile.XXXXXX")
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
passed=0 failed=0 skipped=0
out="" rc=0 secs=0

# run CMD...: runs with a 60 s guard; sets out (stdout+stderr), rc, secs.
run() {
    local start=$SECONDS
    out=$(timeout 60 "$@" 2>&1); rc=$?
    secs=$((SECONDS - start))
}
ok() { passed=$((passed+1)); }
bad() { failed=$((failed+1)); echo "FAIL $1: exit $rc after ${secs}s"; echo "$out" | head -5 | sed 's/^/  /'; }
skip() { skipped=$((skipped+1)); echo "skip $1: $2"; }
# expect ID CODE REGEX CMD...: exit code CODE and REGEX (grep -E) in the output.
expect() {
    local id=$1 code=$2 re=$3; shift 3
    run "$@"
    if [ "$rc" = "$code" ] && grep -qE -- "$re" <<<"$out"; then ok; else bad "$id (want $code, /$re/)"; fi
}
# same ID A B: files A and B are byte-identical.
same() { if cmp -s "$2" "$3"; then ok; else rc=- out="$2 and $3 differ"; bad "$1"; fi; }
snapshot() { (cd "$1" && sha256sum graph.graphml graph.dot graph.svg 2>/dev/null); }
no_tmp() { if ls "$2" | grep -q '\.tmp\.'; then rc=- out=$(ls "$2"); bad "$1: temp files left"; else ok; fi; }

doc=$corpus/01_jordan_iraq_amman.txt
B="$bin build --no-svg"

# ---------------------------------------------------------------- bad bytes
mkdir -p "$work/u8"
{ head -c 200 "$doc"; printf '\xff\xfe'; tail -c +201 "$doc"; } > "$work/u8/bad.txt"
# byte 200 may split a character: the first bad byte is at 200 or just before.
expect utf8-skip 0 "bad.txt': invalid UTF-8 at byte (19[7-9]|200); [0-9]+ bad bytes? dropped" \
    $B -o "$work/o-skip" "$work/u8/bad.txt"
expect utf8-replace 0 "invalid UTF-8 at byte [0-9]+; [0-9]+ invalid sequences? replaced by U\+FFFD" \
    $B --on-bad-input=replace -o "$work/o-repl" "$work/u8/bad.txt"
expect utf8-fail 1 "error: .*bad.txt': invalid UTF-8 at byte (19[7-9]|200)" \
    $B --on-bad-input=fail -o "$work/o-fail" "$work/u8/bad.txt"
if [ ! -e "$work/o-fail/graph.graphml" ]; then ok; else rc=- out="wrote output"; bad utf8-fail-nothing-written; fi
expect utf8-bad-option 2 "on-bad-input" $B --on-bad-input=maybe -o "$work/o" "$doc"

printf 'a\0b \xd8\xa7\0' > "$work/nul.txt"; cat "$doc" >> "$work/nul.txt"
expect nul-skip 0 "NUL byte at byte 1; 2 NUL bytes read as spaces" $B -o "$work/o-nul" "$work/nul.txt"
expect nul-fail 1 "NUL byte at byte 1" $B --on-bad-input=fail -o "$work/o-nul2" "$work/nul.txt"

# -------------------------------------------------------------- odd files
: > "$work/empty.txt"
expect empty-file 1 "empty file; skipped" $B -o "$work/o-empty" "$work/empty.txt"
expect empty-plus-good 0 "empty file" $bin build --no-svg -o "$work/o-empty2" "$work/empty.txt" "$doc"
mkdir -p "$work/crlf" "$work/lf" "$work/bom"
for f in "$corpus"/*.txt; do
    n=$(basename "$f")
    cp "$f" "$work/lf/$n"
    sed 's/$/\r/' "$f" > "$work/crlf/$n"
    { printf '\xef\xbb\xbf'; cat "$f"; } > "$work/bom/$n"
done
run $B -o "$work/o-lf" "$work/lf"; [ "$rc" = 0 ] && ok || bad build-lf
run $B -o "$work/o-crlf" "$work/crlf"; [ "$rc" = 0 ] && ok || bad build-crlf
same crlf-same-graph "$work/o-lf/graph.graphml" "$work/o-crlf/graph.graphml"
run $B -o "$work/o-bom" "$work/bom"; [ "$rc" = 0 ] && ok || bad build-bom
same bom-same-graph "$work/o-lf/graph.graphml" "$work/o-bom/graph.graphml"
mkdir -p "$work/notxt"; echo x > "$work/notxt/readme.md"
expect dir-without-txt 1 "has no \.txt or \.jsonl files" $B -o "$work/o" "$work/notxt"
mkdir -p "$work/nested/sub.txt"; cp "$doc" "$work/nested/a.txt"
expect dir-with-subdir 0 "sub.txt' is a directory inside a directory; skipped" \
    $bin build --no-svg -o "$work/o-nested" "$work/nested"
expect missing-file 1 "cannot open '[^']*/nope.txt': No such file or directory" $B -o "$work/o" "$work/nope.txt"
expect device-file 1 "not a regular file or a directory" $B -o "$work/o" /dev/zero
if [ "$(id -u)" = 0 ]; then
    skip unreadable-file "running as root: chmod 000 does not stop root"
else
    cp "$doc" "$work/locked.txt"; chmod 000 "$work/locked.txt"
    expect unreadable-file 1 "cannot open '[^']*locked.txt': Permission denied" $B -o "$work/o" "$work/locked.txt"
fi
: > "$work/afile"
expect output-is-a-file 1 "error: " $B -o "$work/afile" "$doc"

# A 100 MB single line, as .txt and as one JSON Lines record: a clear
# warning about the size limit, no crash, well under 20 s each.
"$py" - "$work/huge.txt" "$work/huge.jsonl" <<'PY'
import sys
unit = "التقى وزير الداخلية الأردني نظيره العراقي في عمّان لبحث التعاون الأمني "
n = 100 * 2**20 // len(unit.encode()) + 1
body = (unit * n).encode()[:100 * 2**20].decode("utf-8", "ignore")
open(sys.argv[1], "w").write(body)
open(sys.argv[2], "w").write('{"id":"huge","text":"' + body + '"}\n')
PY
for f in huge.txt huge.jsonl; do
    run $B -o "$work/o-huge" "$work/$f"
    if [ "$rc" -le 1 ] && [ "$secs" -le 20 ] && grep -qE "limit|too long|longer than" <<<"$out"; then ok
    else bad "huge-line-$f (want exit 0/1 under 20 s with a size warning)"; fi
done
rm -f "$work/huge.txt" "$work/huge.jsonl"

# ------------------------------------------------------------- JSON Lines
{
    printf '{"id":"a","date":"2025-05-06","text":"%s"}\n' "$(head -1 "$doc" | sed 's/"/\\"/g')"
    printf '{"id":"b","text":\n'
    printf '{"id":"c","text":42}\n'
    printf '{"id":"d"}\n'
    printf '{"id":"e","date":20250506,"text":"نص"}\n'
    printf 'not json\n'
} > "$work/docs.jsonl"
expect jsonl-bad-line 0 "docs.jsonl:2: .*line skipped" $B -o "$work/o-j" "$work/docs.jsonl"
expect jsonl-wrong-type 0 "docs.jsonl:3: field 'text' is a number, not a string; line skipped" \
    $B -o "$work/o-j" "$work/docs.jsonl"
expect jsonl-missing-text 0 "docs.jsonl:4: missing field 'text'" $B -o "$work/o-j" "$work/docs.jsonl"
expect jsonl-date-type 0 "docs.jsonl:5: document 'e': field 'date' is not a string; ignored" \
    $B -o "$work/o-j" "$work/docs.jsonl"
expect jsonl-not-json 0 "docs.jsonl:6: not a JSON object" $B -o "$work/o-j" "$work/docs.jsonl"
expect jsonl-fail 1 "error: [^ ]*docs.jsonl:2: " $B --on-bad-input=fail -o "$work/o-jf" "$work/docs.jsonl"
if [ ! -e "$work/o-jf/graph.graphml" ]; then ok; else rc=- out="wrote output"; bad jsonl-fail-nothing-written; fi
"$py" -c 'import sys; sys.stdout.write("".join("{bad %d\n" % i for i in range(100000)))' > "$work/many.jsonl"
echo '{"text":"x"}' >> "$work/many.jsonl"
expect jsonl-many-bad-lines 0 "99980 more malformed lines skipped" $B -o "$work/o-many" "$work/many.jsonl"
[ "$secs" -le 10 ] && ok || bad "jsonl-many-bad-lines-fast (${secs}s)"

# ------------------------------------------------------------------ rules
cp -r "$src/rules" "$work/rules"
printf '\nrule broken.one met\n  pattern A:person @no_such_class B:person\n' >> "$work/rules/relations.rules"
expect rules-malformed 1 "relations.rules:[0-9]+:[0-9]+: " $bin rules check "$work/rules"
cp -r "$src/rules" "$work/rules2"
printf 'xx-bad\tZZ\t-\t-\tBad\t-\tجهاز\t-\n' >> "$work/rules2/agencies_world.tsv"
expect rules-bad-country 1 "agencies_world.tsv:[0-9]+:[0-9]+: unknown country 'ZZ'" $bin rules check "$work/rules2"
printf '\xff\xfe\x00garbage\tline\n' >> "$work/rules3.tsv"
cp -r "$src/rules" "$work/rules3"; cat "$work/rules3.tsv" >> "$work/rules3/cities.tsv"
run $bin rules check "$work/rules3"
if [ "$rc" = 1 ] && grep -qE "cities.tsv:[0-9]+:[0-9]+: " <<<"$out"; then ok; else bad rules-binary-junk; fi

# ---------------------------------------------- atomic, reproducible outputs
run $bin build -q -o "$work/keep" "$corpus"; [ "$rc" = 0 ] || bad build-keep
before=$(snapshot "$work/keep")
expect rules-fatal-build 1 "error: " $bin build -q --rules "$work/rules" -o "$work/keep" "$corpus"
[ "$(snapshot "$work/keep")" = "$before" ] && ok || { rc=- out="outputs changed"; bad rules-fatal-keeps-outputs; }
expect fail-policy-build 1 "invalid UTF-8" $bin build -q --on-bad-input=fail -o "$work/keep" "$corpus" "$work/u8/bad.txt"
[ "$(snapshot "$work/keep")" = "$before" ] && ok || { rc=- out="outputs changed"; bad fail-policy-keeps-outputs; }
no_tmp no-temp-files-left "$work/keep"
run $bin build -q -o "$work/again" "$corpus"
[ "$(snapshot "$work/again")" = "$before" ] && ok || { rc=- out="second run differs"; bad same-bytes-twice; }
files=("$corpus"/*.txt)
rev=(); for ((i=${#files[@]}-1; i>=0; i--)); do rev+=("${files[i]}"); done
run $bin build -q -o "$work/rev" "${rev[@]}"
[ "$(snapshot "$work/rev")" = "$before" ] && ok || { rc=- out="reversed input order differs"; bad same-bytes-any-order; }
run $bin build -q -j 1 -o "$work/j1" "$corpus"
run $bin build -q -j 4 -o "$work/j4" "$corpus"
[ "$(snapshot "$work/j1")" = "$(snapshot "$work/j4")" ] && [ "$(snapshot "$work/j1")" = "$before" ] \
    && ok || { rc=- out="-j 1 and -j 4 differ"; bad same-bytes-any-threads; }

# ------------------------------------------------------ hostile GraphML
for g in rank neighbors path; do
    case $g in rank) extra=();; neighbors) extra=(jo);; path) extra=(jo iq);; esac
    for f in truncated malformed not_xml empty; do
        expect "$g-$f" 1 "error: cannot read '[^']*$f.graphml'" $bin $g "$cases/$f.graphml" "${extra[@]}"
    done
    for f in billion_laughs external_entity param_entity doctype_lowercase billion_laughs_utf16 billion_laughs_utf7; do
        expect "$g-$f" 1 "error: cannot read '[^']*$f.graphml'" $bin $g "$cases/$f.graphml" "${extra[@]}"
        if [ "$secs" -gt 2 ] || grep -q "root:" <<<"$out"; then bad "$g-$f-fast-and-no-file-access"; else ok; fi
    done
    expect "$g-directory" 1 "error: " $bin $g "$work" "${extra[@]}"
done

# ----------------------------------- special characters in every export
run $bin build -q -o "$work/sp" "$cases/specials.jsonl"
if [ "$rc" = 0 ]; then ok; else bad specials-build; fi
"$py" - "$cases/specials.jsonl" "$work/sp" <<'PY' || failed=$((failed+1))
import json, sys, xml.etree.ElementTree as ET
doc = json.loads(open(sys.argv[1], encoding="utf-8").readline())
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[2] + "/graph.graphml").getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
sources = [d.text for d in root.iter("{%s}data" % ns["g"]) if keys.get(d.get("key")) == "source"]
evid = [d.text for d in root.iter("{%s}data" % ns["g"]) if keys.get(d.get("key")) == "evidence"]
problems = []
if not sources or any(s != doc["id"] for s in sources):
    problems.append("source attribute %r != id %r" % (sources[:1], doc["id"]))
if not any(all(c in (e or "") for c in '<&"\\\u200f\u200e') for e in evid):
    problems.append("evidence lost a special character: %r" % evid[:1])
ET.parse(sys.argv[2] + "/graph.svg")          # well-formed XML
import networkx
networkx.read_graphml(sys.argv[2] + "/graph.graphml")
if problems:
    print("FAIL specials-graphml:", *problems, sep="\n  ")
    sys.exit(1)
PY
[ $? = 0 ] && ok
if command -v dot >/dev/null; then
    run dot -Tsvg -o "$work/sp/redraw.svg" "$work/sp/graph.dot"
    if [ "$rc" = 0 ] && [ -z "$out" ]; then ok; else bad specials-dot-parses; fi
else
    skip specials-dot-parses "dot not installed"
fi
expect specials-rank-json 0 '"rank"' $bin rank --format json "$work/sp/graph.graphml"
if "$py" -c 'import json,sys; json.loads(sys.stdin.read())' <<<"$out"; then ok; else bad specials-rank-json-parses; fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# CLI tests: exit codes and messages, one case per line of cases.txt.
set -u
bin=$1 src=$2
passed=0 failed=0
while IFS='|' read -r id code text args; do
    id=$(echo "$id" | xargs)
    case "$id" in ''|'#'*) continue;; esac
    code=$(echo "$code" | xargs); text=$(echo "$text" | sed 's/^ *//; s/ *$//')
    tmp=$(mktemp -d)
    args=$(echo "$args" | sed "s|@SRC|$src|g; s|@TMP|$tmp|g")
    # shellcheck disable=SC2086
    out=$("$bin" $args 2>&1); got=$?
    if [ "$got" = "$code" ] && grep -qF -- "$text" <<<"$out"; then
        passed=$((passed+1))
    else
        failed=$((failed+1))
        echo "FAIL $id: exit $got (want $code), output:"; echo "$out" | head -5
    fi
    rm -rf "$tmp"
done < "$src/tests/cli/cases.txt"
# Rule errors name file:line:col and leave no half-loaded rules.
tmp=$(mktemp -d)
cp -r "$src/rules" "$tmp/rules"
printf 'xx-bad\tZZ\t-\t-\tBad\t-\tجهاز ما\t-\n' >> "$tmp/rules/agencies_world.tsv"
out=$("$bin" rules check "$tmp/rules" 2>&1); got=$?
if [ "$got" = 1 ] && grep -qE "agencies_world.tsv:[0-9]+:[0-9]+: unknown country 'ZZ'" <<<"$out"; then
    passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL rules-lint: $out" | head -5; fi
out=$("$bin" build --rules "$tmp/rules" -o "$tmp/o" "$src/tests/corpus" 2>&1); got=$?
if [ "$got" = 1 ] && [ ! -e "$tmp/o/graph.graphml" ]; then
    passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL rules-fatal: $out" | head -5; fi
rm -rf "$tmp"
# Warning limits hold per input file, however extract cuts it into batches:
# 20 malformed lines told one by one, then one count; "no documents" once.
tmp=$(mktemp -d)
seq 1 200000 | sed 's/^/{bad /' > "$tmp/bad.jsonl"                # 2.2 MB, no documents
{ cat "$tmp/bad.jsonl"; echo '{"id":"x","text":"x"}'; } > "$tmp/mixed.jsonl"
for j in 1 2; do
    for f in bad mixed; do
        "$bin" extract -j $j "$tmp/$f.jsonl" > /dev/null 2> "$tmp/err"; got=$?
        told=$(grep -c 'line skipped$' "$tmp/err")
        counted=$(grep -c ': 199980 more malformed lines skipped$' "$tmp/err")
        empty=$(grep -c "no documents" "$tmp/err")
        want_empty=$([ $f = bad ] && echo 1 || echo 0)
        if [ "$got" = 0 ] && [ "$told" = 20 ] && [ "$counted" = 1 ] && [ "$empty" = "$want_empty" ] \
            && [ "$(wc -l < "$tmp/err")" = $((21 + want_empty)) ]; then
            passed=$((passed+1))
        else
            failed=$((failed+1)); echo "FAIL warnings-per-file -j $j $f: exit $got"; head -3 "$tmp/err"
            tail -3 "$tmp/err"
        fi
    done
done
rm -rf "$tmp"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

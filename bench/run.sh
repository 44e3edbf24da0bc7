#!/usr/bin/env bash
# bench/run.sh — liaison's benchmarks, printed as markdown tables with the
# machine they ran on: extraction throughput (-j 1, -j 2) beside grep over
# the gazetteer names, peak RSS at 10 MB and 100 MB of input, and graph
# analysis + GraphML export on synthetic graphs beside networkx.
# usage: bench/run.sh BUILD_DIR [SMALL_MB BIG_MB]   (defaults 10 and 100)
# Corpora are generated once into BUILD_DIR/bench-data (bench/gen_corpus.py).
set -euo pipefail
build=$(cd "${1:?usage: bench/run.sh BUILD_DIR [SMALL_MB BIG_MB]}" && pwd)
small=${2:-10} big=${3:-100}
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
bin=$build/liaison
export LIAISON_RULES=${LIAISON_RULES:-$src/rules}
meson compile -C "$build" liaison:executable bench_graph > /dev/null || { echo "bench/run.sh: cannot build in $build" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
py=/usr/bin/python3
data=$build/bench-data
mkdir -p "$data"
for mb in "$small" "$big"; do
    [ -s "$data/corpus-$mb.jsonl" ] || $py "$here/gen_corpus.py" "$mb" > "$data/corpus-$mb.jsonl"
done
"$bin" rules aliases > "$data/aliases.txt"

# run CMD...: runs CMD with stdout to a file (not /dev/null, where grep stops
# at the first match); sets wall, user, rss_mb.
run() {
    /usr/bin/time -f "%e %U %M" -o "$data/time.out" "$@" > "$data/run.out"
    read -r wall user rss < "$data/time.out"
    rss_mb=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
}
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f", (s > 0 ? b / 1048576 / s : 0) }'; }
per() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

echo "## liaison benchmarks"
echo
echo "machine: $(nproc) processors, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr);"\
     "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

f=$data/corpus-$small.jsonl
bytes=$(stat -c %s "$f")
docs=$(wc -l < "$f")
echo "### Extraction ($small MB, $docs documents of generated news, JSON Lines)"
echo
echo "| run | wall s | CPU s | MB/s | documents/s | vs grep |"
echo "|---|---:|---:|---:|---:|---:|"
run grep -o -F -f "$data/aliases.txt" "$f"
gwall=$wall
row_grep="| \`grep -o -F -f <(liaison rules aliases)\` | $wall | $user | $(mbs "$bytes" "$wall") | $(per "$docs" "$wall") | 1.00 |"
for j in 1 2; do
    run "$bin" extract -q -j $j "$f"
    echo "| \`liaison extract -j $j\` | $wall | $user | $(mbs "$bytes" "$wall") | $(per "$docs" "$wall") | $(ratio "$gwall" "$wall") |"
done
echo "$row_grep"
echo
echo "\"vs grep\" is grep's time over liaison's (>= 1 means liaison is as fast as just finding the names)."
echo

echo "### Peak RSS of \`liaison extract\` (streaming)"
echo
echo "| input | documents | -j | wall s | MB/s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
for mb in "$small" "$big"; do
    f=$data/corpus-$mb.jsonl
    bytes=$(stat -c %s "$f")
    docs=$(wc -l < "$f")
    for j in 1 2; do
        run "$bin" extract -q -j $j "$f"
        echo "| $mb MB | $docs | $j | $wall | $(mbs "$bytes" "$wall") | $rss_mb |"
        eval "rss_${mb}_$j=$rss_mb"
    done
done
echo
echo "RSS at $big MB / RSS at $small MB: -j 1 $(ratio "$(eval echo \$rss_${big}_1)" "$(eval echo \$rss_${small}_1)"),"\
     "-j 2 $(ratio "$(eval echo \$rss_${big}_2)" "$(eval echo \$rss_${small}_2)")."
echo

echo "### Graph analysis and GraphML export (synthetic actor graphs, seconds)"
echo
bg=$build/bench/bench_graph
"$bg" 10000 100000 > "$data/g10k.txt"
"$bg" 100000 1000000 > "$data/g100k.txt"
have_nx=0
if $py -c 'import networkx' 2> /dev/null; then
    have_nx=1
    # networkx's all-pairs measures: exact at 10k (timed from 100 sources,
    # scaled to all), and at 100k from the same 128 sources liaison samples.
    # (a step still running after 10 minutes shows as "timeout")
    timeout 600 $py "$here/nx_graph.py" 10000 100000 100 > "$data/nx10k.txt" || true
    timeout 600 $py "$here/nx_graph.py" 100000 1000000 16 128 > "$data/nx100k.txt" || true
fi
val() { awk -v k="$2" '$1 == k { print $2 }' "$1" 2> /dev/null; }
# nxv FILE KEY: networkx's time, "timeout" when it did not finish, n/a without networkx.
nxv() { if [ $have_nx = 0 ]; then echo n/a; else local v; v=$(val "$1" "$2"); echo "${v:-timeout}"; fi; }
# total FILE KEY...: the sum of those steps ('~' when one is an estimate,
# '>' when a step did not finish).
total() {
    local f=$1; shift
    awk -v keys="$*" 'BEGIN { n = split(keys, k, " "); for (i = 1; i <= n; i++) want[k[i]] = 1 }
        want[$1] { v = $2; if (v ~ /^~/) { est = 1; sub(/^~/, "", v) } s += v; got++ }
        END { if (got) printf "%s%s%.2f", (got < n ? ">" : ""), (est ? "~" : ""), s; else print "?" }' "$f" 2> /dev/null
}
nx_total() { if [ $have_nx = 0 ]; then echo n/a; else total "$1" actor-network degree strength betweenness closeness harmonic pagerank eigenvector louvain graphml; fi; }
echo "| step | liaison 10k nodes / 100k edges | networkx 10k | liaison 100k nodes / 1M edges | networkx 100k |"
echo "|---|---:|---:|---:|---:|"
for k in actor-network degree strength betweenness closeness harmonic pagerank eigenvector communities; do
    nk=$k; [ $k = communities ] && nk=louvain
    echo "| $k | $(val "$data/g10k.txt" $k) | $(nxv "$data/nx10k.txt" $nk) | $(val "$data/g100k.txt" $k) | $(nxv "$data/nx100k.txt" $nk) |"
done
echo "| **knowledge graph + actor network + every measure + communities** | $(val "$data/g10k.txt" build+analyse) | | $(val "$data/g100k.txt" build+analyse) | |"
echo "| **GraphML export** | $(val "$data/g10k.txt" graphml) | $(nxv "$data/nx10k.txt" graphml) | $(val "$data/g100k.txt" graphml) | $(nxv "$data/nx100k.txt" graphml) |"
echo "| **analysed and written** (target at 100k: <= 10 s) | $(total "$data/g10k.txt" build+analyse graphml) | $(nx_total "$data/nx10k.txt") | $(total "$data/g100k.txt" build+analyse graphml) | $(nx_total "$data/nx100k.txt") |"
echo
echo "Betweenness, closeness and harmonic are exact up to 5,000 actors and estimated from"\
     "128 sampled sources above (one pass for all three, on every core); networkx's times for"\
     "them are timed from sampled sources and scaled ('~') to the same work: every source at"\
     "10k, 128 sources at 100k. Communities: liaison Leiden, networkx Louvain."

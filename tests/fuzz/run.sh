#!/usr/bin/env bash
# Runs libFuzzer targets for a bounded time each and fails on any finding.
# usage: run.sh FUZZER SEED_DIR [FUZZER SEED_DIR ...]
#   LIAISON_FUZZ_SECONDS  seconds per target (default 30)
#   LIAISON_FUZZ_SEED     libFuzzer seed (default 1: CI runs are repeatable)
#   LIAISON_FUZZ_OUT      where new inputs and crash files go (default: a dir
#                         beside each fuzzer binary, fuzz-out/<target>)
# A crash, leak-free timeout (>10 s per input) or out-of-memory (>2 GB) is a
# finding: the input is saved as crash-*/timeout-*/oom-* in the out dir; copy
# it into tests/fuzz/corpus_<target>/ and add a hostile case.
set -u
secs=${LIAISON_FUZZ_SECONDS:-30}
passed=0 failed=0
while [ $# -ge 2 ]; do
    exe=$1 seeds=$2; shift 2
    name=$(basename "$exe")
    out=${LIAISON_FUZZ_OUT:-$(dirname "$exe")/fuzz-out}/$name
    mkdir -p "$out/corpus"
    log="$out/log.txt"
    start=$(date +%s)
    "$exe" -seed="${LIAISON_FUZZ_SEED:-1}" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/" "$out/corpus" "$seeds" >"$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    if [ "$rc" -eq 0 ]; then
        passed=$((passed+1))
        echo "ok   $name: ${took}s, ${execs:-?} inputs, ${cov:-cov: ?}, no finding"
    else
        failed=$((failed+1))
        echo "FAIL $name: exit $rc after ${took}s; log $log; artifacts:"
        ls "$out" | grep -E '^(crash|timeout|oom|leak|slow-unit)-' | sed 's/^/  /'
        grep -E 'ERROR|SUMMARY|invariant failed' "$log" | head -5
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# make fuzz-long: each target for SECONDS, one after the other, at the
# lowest priority (nice 19: the machine is shared), with its dictionary.
# Each run's log is build-fuzz/TARGET.log; the last lines of each give its
# executions ("stat::number_of_executed_units") and any crash. Exit 1 when
# any target found a crash.
# Usage: sh tests/fuzz/long.sh SECONDS TARGET...
secs=$1; shift
cd "$(dirname "$0")/../.." || exit 2
status=0
for t in "$@"; do
    n=${t#fuzz_}; c=tests/fuzz/corpus_$n; w=build-fuzz/corpus_$n
    d=tests/fuzz/$n.dict; [ -f "$d" ] || d=tests/fuzz/markdown.dict
    mkdir -p "$w" && cp "$c"/* "$w"/ || exit 2
    log=build-fuzz/$t.log
    echo "fuzz-long: $t for $secs s (log $log)"
    start=$(date +%s)
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        nice -n 19 "./build-fuzz/$t" -max_total_time="$secs" -max_len=65536 \
        -dict="$d" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix=build-fuzz/ "$w" "$c" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz-long: $t: $((  $(date +%s) - start )) s, ${execs:-?} executions, exit $rc"
    [ "$rc" = 0 ] || { status=1; grep -m 3 -E 'ERROR|SUMMARY|Test unit written' "$log"; }
done
exit $status

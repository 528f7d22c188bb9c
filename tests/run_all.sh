#!/bin/sh
# make check: every suite, even when an earlier one fails, then the total.
# Arguments: the unit test binaries.
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
status=0
run() {
    sh "$@" 2>&1 | tee -a "$log"
    # the suite's exit status, through the pipe
    [ "$(tail -n 1 "$log" | sed -n 's/.* \([0-9]*\) failed$/\1/p')" = 0 ] || status=1
}
# $SUITES: the suites to run (the sanitizer builds run a subset).
for suite in ${SUITES:-unit cycles spec golden cli house batch concurrency deploy install stress repro outputs tagged docx docx_read furniture xml akn limits composite badinput typo fuzz_replay real api nomem languages}; do
    if [ "$suite" = unit ]; then run tests/run_unit.sh "$@"
    else run "tests/run_$suite.sh"; fi
done
total_pass=$(sed -n 's/^[a-z]*: \([0-9]*\) passed, [0-9]* failed$/\1/p' "$log" | awk '{ s += $1 } END { print s + 0 }')
total_fail=$(sed -n 's/^[a-z]*: [0-9]* passed, \([0-9]*\) failed$/\1/p' "$log" | awk '{ s += $1 } END { print s + 0 }')
[ "$status" = 0 ] || [ "$total_fail" -gt 0 ] || total_fail=1
echo "check: $total_pass passed, $total_fail failed"
[ "$status" = 0 ] && [ "$total_fail" = 0 ]

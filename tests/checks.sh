# Shared by the command-line suites (sourced): counters and checks that
# print what failed. Needs $tmp, a scratch folder.
pass=0 fail=0
check() { # description, expected exit code, then the command
    desc=$1 want=$2; shift 2
    "$@" >"$tmp/stdout" 2>"$tmp/err"; got=$?
    if [ "$got" -eq "$want" ]; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAILED: $desc: exit $got, expected $want"; cat "$tmp/err"; fi
}
grep_err() { # description, pattern in the last stderr
    if grep -q -- "$2" "$tmp/err"; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAILED: $1: stderr lacks '$2'"; cat "$tmp/err"; fi
}

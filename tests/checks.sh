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
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
# refused FILE TEXT: rendering FILE fails fast (exit 1 within 3 s) with an
# error holding TEXT. Needs $folio.
refused() {
    file=$1 want=$2
    start=$(date +%s)
    status=0
    timeout 10 $folio render "$file" -o "$tmp" -q 2>"$tmp/err" || status=$?
    if [ "$status" = 0 ]; then bad "$(basename "$file"): accepted"; return; fi
    took=$(( $(date +%s) - start ))
    if [ "$status" = 1 ] && [ "$took" -le 3 ] && grep -q -- "$want" "$tmp/err"; then ok
    else bad "$(basename "$file"): exit $status after ${took}s, wanted exit 1 and \"$want\""
        cat "$tmp/err"; fi
}
# laughs_prolog ROOT: an XML declaration and a DOCTYPE for ROOT declaring
# the billion laughs (&lol9; expands to 10^9 "lol"s).
laughs_prolog() {
    echo '<?xml version="1.0"?>'
    echo "<!DOCTYPE $1 ["
    echo '<!ENTITY lol "lol">'
    for i in 1 2 3 4 5 6 7 8 9; do
        prev=lol; [ $i = 1 ] || prev=lol$((i - 1))
        printf '<!ENTITY lol%s "' $i
        for k in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' $prev; done
        echo '">'
    done
    echo ']>'
}

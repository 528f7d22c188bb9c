#!/bin/sh
# No two library files call each other in a ring (tests/file_cycles.py over
# the objects `make` built): each file's dependencies run one way.
cd "$(dirname "$0")/.." || exit 2
build=${BUILD:-build}
if /usr/bin/python3 tests/file_cycles.py "$build"; then
    echo "cycles: 1 passed, 0 failed"
else
    echo "FAILED: circles between files (above)"
    echo "cycles: 0 passed, 1 failed"
    exit 1
fi

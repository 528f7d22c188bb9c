#!/usr/bin/python3
"""Circles between source files: which library files call each other, in a
ring, through the symbols their objects define and use (nm). Each file's
dependencies should run one way (DESIGN.md: the stages are folders; inside
a stage, shared helpers live in a file of their own).

usage: file_cycles.py BUILD   (the build folder of `make`: BUILD/src/*/*.o)
Prints every circle with the symbols that close it; exits 1 when there is one.
"""
import collections
import glob
import os
import subprocess
import sys

build = sys.argv[1] if len(sys.argv) > 1 else "build"
# objects of sources that still exist (a build folder keeps those of moved files)
objs = sorted(o for o in glob.glob(build + "/src/*/*.o")
              if os.path.exists(o[len(build) + 1:-2] + ".c"))
if not objs:
    print("file_cycles: no objects under %s/src (run make first)" % build)
    sys.exit(2)
defs, uses = {}, collections.defaultdict(set)
for o in objs:
    name = o[len(build) + 1:-2]
    out = subprocess.run(["nm", o], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBR":
            defs[parts[2]] = name
        elif len(parts) == 2 and parts[0] == "U":
            uses[name].add(parts[1])
edges = collections.defaultdict(set)
for f, syms in uses.items():
    for s in syms:
        if s in defs and defs[s] != f:
            edges[f].add(defs[s])

# Tarjan's strongly connected components, iteratively
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
for root in sorted(set(edges) | {d for v in edges.values() for d in v}):
    if root in index:
        continue
    work = [(root, iter(sorted(edges[root])))]
    index[root] = low[root] = counter[0]; counter[0] += 1
    stack.append(root); on.add(root)
    while work:
        v, it = work[-1]
        w = next(it, None)
        if w is not None:
            if w not in index:
                index[w] = low[w] = counter[0]; counter[0] += 1
                stack.append(w); on.add(w)
                work.append((w, iter(sorted(edges[w]))))
            elif w in on:
                low[v] = min(low[v], index[w])
            continue
        work.pop()
        if work:
            low[work[-1][0]] = min(low[work[-1][0]], low[v])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))
for c in sccs:
    print("circle:", " ".join(c))
    for a in c:
        for b in c:
            if b in edges[a]:
                syms = sorted(s for s in uses[a] if defs.get(s) == b)
                print("   ", a, "->", b, ":", " ".join(syms[:6]))
print("file_cycles: %d files, %d circles" % (len(objs), len(sccs)))
sys.exit(1 if sccs else 0)

#!/bin/sh
# The deployment files of deploy/, run locally as a cluster would run them:
# the Slurm array script's body once per task (SLURM_ARRAY_TASK_ID set),
# then its merge job; the Kubernetes Indexed Job's command line once per
# index (JOB_COMPLETION_INDEX set), then its merge Job's; over one shared
# folder, with `folio` on the PATH. The merged summary must hold every
# document once; a missing shard must fail the merge; a system error must
# requeue the Slurm task.
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
folio=${FOLIO:-./bin/folio}
case $folio in /*) ;; *) folio=$root/$folio ;; esac
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }

mkdir -p "$tmp/bin" "$tmp/session/reports"
ln -s "$folio" "$tmp/bin/folio"
# scontrol, as the Slurm script calls it: records the call
printf '#!/bin/sh\necho "$*" >> "%s/scontrol.log"\n' "$tmp" > "$tmp/bin/scontrol"
chmod +x "$tmp/bin/scontrol"
echo "input,output,lang" > "$tmp/session/manifest.csv"
for i in 1 2 3 4 5 6 7; do
    printf -- '---\nsymbol: A/HRC/55/%d\ndate: 2024-03-01\n---\n\n# Report %d\n\n1. Text of the report.\n' \
        "$i" "$i" > "$tmp/session/reports/r$i.md"
    echo "reports/r$i.md,A-HRC-55-$i,en" >> "$tmp/session/manifest.csv"
done
merged_ok() { # summary, documents expected
    python3 -c "
import json, sys
s = json.load(open(sys.argv[1]))
ok = (s['complete'] and s['totals']['documents'] == int(sys.argv[2]) and s['totals']['missing'] == 0
      and s['totals']['duplicated'] == 0 and sorted(d['index'] for d in s['documents']) == list(range(int(sys.argv[2])))
      and all(d['status'] in ('ok', 'skipped') for d in s['documents']))
sys.exit(0 if ok else 1)" "$1" "$2"
}

# ---- Slurm: three array tasks, then the merge job --------------------------
out=$tmp/slurm-out
for k in 1 2 3; do
    env PATH="$tmp/bin:$PATH" SLURM_JOB_ID=4$k SLURM_ARRAY_JOB_ID=40 SLURM_ARRAY_TASK_ID=$k \
        SLURM_ARRAY_TASK_COUNT=3 FOLIO_MANIFEST="$tmp/session/manifest.csv" FOLIO_OUT="$out" \
        bash deploy/slurm/folio-batch.sbatch 2>"$tmp/err"
    st=$?
    [ "$st" = 0 ] && ok || { bad "Slurm task $k: exit $st"; cat "$tmp/err"; }
    [ -s "$out/folio-batch.$k-of-3.json" ] && ok || bad "Slurm task $k wrote no summary"
done
env PATH="$tmp/bin:$PATH" SLURM_JOB_ID=50 FOLIO_OUT="$out" bash deploy/slurm/folio-merge.sbatch \
    2>"$tmp/err" && ok || { bad "Slurm merge job"; cat "$tmp/err"; }
merged_ok "$out/folio-batch.json" 7 && ok || bad "Slurm: the merged summary lacks documents"
[ "$(ls "$out"/*.pdf | wc -l)" = 7 ] && ok || bad "Slurm: not 7 PDFs"
# a shard that never ran: the merge says so and fails
rm "$out/folio-batch.2-of-3.json" "$out/folio-batch.json"
env PATH="$tmp/bin:$PATH" FOLIO_OUT="$out" bash deploy/slurm/folio-merge.sbatch 2>"$tmp/err"
st=$?
if [ "$st" = 1 ] && grep -q 'shard 2 of 3 is missing' "$tmp/err" &&
   grep -q 'documents are missing' "$tmp/err"; then ok
else bad "Slurm merge without shard 2: exit $st"; cat "$tmp/err"; fi
# a system error (exit 3) requeues the task
printf '#!/bin/sh\necho "disk full" >&2\nexit 3\n' > "$tmp/failing"
chmod +x "$tmp/failing"
env PATH="$tmp/bin:$PATH" FOLIO="$tmp/failing" SLURM_JOB_ID=60 SLURM_ARRAY_JOB_ID=60 \
    SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=3 bash deploy/slurm/folio-batch.sbatch 2>/dev/null
st=$?
[ "$st" = 3 ] && grep -q '^requeue 60_2$' "$tmp/scontrol.log" 2>/dev/null && ok ||
    bad "a system error did not requeue the Slurm task (exit $st)"

# ---- Kubernetes: each index of the Job, then the merge Job -----------------
out=$tmp/k8s-out
python3 - deploy/kubernetes/folio-batch-job.yaml deploy/kubernetes/folio-merge-job.yaml "$tmp" <<'PY'
import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))
merge = yaml.safe_load(open(sys.argv[2]))
tmp = sys.argv[3]
spec = job["spec"]
c = spec["template"]["spec"]["containers"][0]
env = {e["name"]: e["value"] for e in c["env"]}
assert spec["completionMode"] == "Indexed"
assert int(env["FOLIO_SHARDS"]) == spec["completions"], "FOLIO_SHARDS differs from completions"
# the failure policy follows folio's exit codes
rules = {tuple(r["onExitCodes"]["values"]): r["action"] for r in spec["podFailurePolicy"]["rules"]
         if "onExitCodes" in r}
assert rules == {(1,): "FailIndex", (2,): "FailJob", (3,): "Count"}, rules
assert c["command"] == ["/bin/sh", "-c"]
open(tmp + "/k8s-shards", "w").write(env["FOLIO_SHARDS"])
open(tmp + "/k8s-command", "w").write(c["args"][0])
m = merge["spec"]["template"]["spec"]["containers"][0]
assert m["command"] == ["/bin/sh", "-c"]
open(tmp + "/k8s-merge", "w").write(m["args"][0])
PY
[ $? = 0 ] && ok || bad "the Kubernetes manifests"
n=$(cat "$tmp/k8s-shards" 2>/dev/null || echo 0)
i=0
while [ "$i" -lt "$n" ]; do
    env PATH="$tmp/bin:$PATH" JOB_COMPLETION_INDEX=$i FOLIO_SHARDS="$n" \
        FOLIO_MANIFEST="$tmp/session/manifest.csv" FOLIO_OUT="$out" \
        /bin/sh -c "$(cat "$tmp/k8s-command")" 2>"$tmp/err"
    st=$?
    [ "$st" = 0 ] && ok || { bad "Kubernetes index $i: exit $st"; cat "$tmp/err"; }
    i=$((i + 1))
done
env PATH="$tmp/bin:$PATH" FOLIO_OUT="$out" /bin/sh -c "$(cat "$tmp/k8s-merge")" 2>"$tmp/err" &&
    ok || { bad "Kubernetes merge Job"; cat "$tmp/err"; }
merged_ok "$out/folio-batch.json" 7 && ok || bad "Kubernetes: the merged summary lacks documents"

echo "deploy: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

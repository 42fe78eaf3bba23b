#!/usr/bin/env bash
# Side by side: the C2PA reference (c2pa-rs via ../shared/peers/c2pa-reference) and `assay inspect` on the same
# files, in one trust mode. Prints every disagreement (validation_state, or the set of failure codes, or the set of
# ingredient failure codes; "error" lines must be errors on both sides) and how long each took.
#
#   scripts/c2pa-compare.sh [--mode notrust|testroot|official] [--repeat N] FILE_OR_DIR...
#
# --repeat N passes the file list N times to both tools (one process each), so that start-up time weighs less in
# the throughput figures. Needs Node.js >= 18 and python3; installs the reference with `npm ci` when needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="$here/../shared/peers/c2pa-reference"
trust="$here/../shared/corpus/c2pa/trust"
mode=testroot
repeat=1
inputs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    *) inputs+=("$1"); shift ;;
  esac
done
[ ${#inputs[@]} -gt 0 ] || inputs=("$here/../shared/corpus/c2pa/assets")
[ -d "$peer" ] || { echo "the reference peer is missing at $peer" >&2; exit 2; }
[ -d "$peer/node_modules" ] || (cd "$peer" && npm ci --no-audit --no-fund >/dev/null)

files=()
for i in "${inputs[@]}"; do
  if [ -d "$i" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$i" -maxdepth 1 -type f ! -name '*.md' ! -name '.*' | sort)
  else
    files+=("$(readlink -f "$i")")
  fi
done
all=()
for _ in $(seq 1 "$repeat"); do all+=("${files[@]}"); done

case "$mode" in
  notrust)  ref_env=(); assay_opts=(--no-trust) ;;
  testroot) ref_env=(TRUST_PEM="$trust/test_cert_root_bundle.pem" ALLOWED_PEM="$trust/test_allowed_list.pem" TRUST_CONFIG="$trust/test_store.cfg")
            assay_opts=(--trust-anchors "$trust/test_cert_root_bundle.pem" --allowed-list "$trust/test_allowed_list.pem" --eku-config "$trust/test_store.cfg") ;;
  official) ref_env=(TRUST_PEM="$trust/C2PA-TRUST-LIST.pem,$trust/C2PA-TSA-TRUST-LIST.pem,$trust/ITL-anchors.pem" ALLOWED_PEM="$trust/ITL-allowed.pem")
            assay_opts=(--trust-anchors "$trust/C2PA-TRUST-LIST.pem" --trust-anchors "$trust/C2PA-TSA-TRUST-LIST.pem" --trust-anchors "$trust/ITL-anchors.pem" --allowed-list "$trust/ITL-allowed.pem") ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$here/assay" --version >/dev/null # build first, outside the timing

t0=$(date +%s.%N)
(cd "$peer" && env "${ref_env[@]}" node validate.mjs "${all[@]}") > "$tmp/reference.jsonl"
t1=$(date +%s.%N)
"$here/assay" inspect --compact "${assay_opts[@]}" "${all[@]}" > "$tmp/assay.jsonl" || true
t2=$(date +%s.%N)

python3 - "$tmp/reference.jsonl" "$tmp/assay.jsonl" "$t0" "$t1" "$t2" "${#all[@]}" "$mode" <<'PY'
import json, sys
ref_path, ours_path, t0, t1, t2, n, mode = sys.argv[1:]
def load(p):
    out = {}
    for line in open(p):
        d = json.loads(line)
        out[d["file"]] = d
    return out
ref, ours = load(ref_path), load(ours_path)
diffs = 0
for f in sorted(ref):
    r, o = ref[f], ours.get(f)
    if o is None:
        print(f"{f}: missing from assay's output"); diffs += 1; continue
    if ("error" in r) != ("error" in o):
        print(f"{f}: reference {'error ' + r['error'] if 'error' in r else r['validation_state']}, "
              f"assay {'error ' + o['error'] if 'error' in o else o['validation_state']}"); diffs += 1; continue
    if "error" in r:
        continue
    problems = []
    if r["validation_state"] != o["validation_state"]:
        problems.append(f"state {r['validation_state']} vs {o['validation_state']}")
    for key in ("failure", "ingredient_failures"):
        if set(r[key]) != set(o[key]):
            problems.append(f"{key}: reference-only {sorted(set(r[key]) - set(o[key]))}, assay-only {sorted(set(o[key]) - set(r[key]))}")
    if problems:
        diffs += 1
        print(f"{f}: " + "; ".join(problems))
ref_s, ours_s = float(t1) - float(t0), float(t2) - float(t1)
print(f"mode {mode}: {len(ref)} files, {diffs} disagreement(s)")
print(f"reference: {int(n)} validations in {ref_s:.2f} s ({int(n)/ref_s:.1f}/s); "
      f"assay: {ours_s:.2f} s ({int(n)/ours_s:.1f}/s); assay/reference throughput ratio {ref_s/ours_s:.2f}")
PY

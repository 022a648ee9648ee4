#!/bin/sh
# Usage: technique_methods_smoke.sh MYOATLAS IMAGE_CHECK OUTDIR. The images are for review, never committed.
set -eu
exe=$1
check=$2
out=$3
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
unset DISPLAY
export EGL_PLATFORM=surfaceless LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
nine="dynamic_mfr massage_stick massage_gun dry_needling trp_injection hot_stone warm_bamboo ortho_bionomy contractual_tendon_release"

# Every method is listed, with its contact kinds.
"$exe" technique --list --json > "$out/list.json" 2> "$out/list.err" || fail "technique --list exited $?"
python3 - "$out/list.json" $nine <<'PY' || fail "technique --list"
import json, sys
techniques = {t["id"]: t for t in json.load(open(sys.argv[1]))["techniques"]}
assert len(techniques) == 20, sorted(techniques)
for id in sys.argv[2:]:
    t = techniques[id]
    assert t["contact_kinds"], id
    assert t["targets"], id
    assert t["evidence"], id
for id in ("dry_needling", "trp_injection"):
    assert techniques[id]["information_only"] and techniques[id]["contact_kinds"] == ["needle"], id
PY

# The JSON of each new method on one target, and one step of each rendered headless.
set -- dynamic_mfr:hamstrings:2 massage_stick:gastrocnemius:1 massage_gun:vastus_lateralis:2 \
    dry_needling:GMED-TP1:2 trp_injection:INFRA-TP1:2 hot_stone:erector_spinae:1 warm_bamboo:hamstrings:1 \
    ortho_bionomy:infraspinatus:2 contractual_tendon_release:forearm_extensors:1
for c in "$@"; do
    id=${c%%:*}; rest=${c#*:}; target=${rest%%:*}; step=${rest#*:}
    "$exe" technique --id "$id" --target "$target" --json > "$out/$id.json" 2> "$out/$id.err" ||
        fail "technique $id on $target exited $?"
    python3 - "$out/$id.json" "$id" <<'PY' || fail "JSON of $id"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["technique"] == sys.argv[2]
assert j["allowed"] is True and j["safety_rule"]["allowed"] is True
assert j["contact_kinds"] and j["steps"], j["technique"]
assert any(s["hands"] for s in j["steps"]), "no step puts the hand or tool on the body"
needles = sys.argv[2] in ("dry_needling", "trp_injection")
assert j["information_only"] == needles
assert ("needle" in j) == needles
if needles:
    assert j["needle"]["depth_to_target_mm"] >= 0
PY
    "$exe" render -o "$out/$id.png" --size 480x360 --technique "$id" --target "$target" --step "$step" \
        2> "$out/$id-render.err" || fail "render of $id exited $?"
    "$check" "$out/$id.png" 480 360 || fail "render of $id"
done

# A foam roller on a trigger point in front of the SCM (the carotid sheath): refused with exit 3.
status=0
"$exe" technique --id foam_roller --target SCMS-TP2 --json > "$out/blocked.json" 2> "$out/blocked.err" || status=$?
[ "$status" = 3 ] || fail "an unsafe site exited $status, expected 3"
python3 - "$out/blocked.json" <<'PY' || fail "refusal JSON"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["allowed"] is False
assert j["endangerment_site"] == "anterior_triangle_neck"
assert "carotid artery" in j["structures_at_risk"]
assert (j["technique"], j["target"], j["side"]) == ("foam_roller", "SCMS-TP2", "right"), j
assert j["alternative"] and j["alternative"]["text"]
assert "Not allowed" in j["message"]
PY
grep -q "Not allowed" "$out/blocked.err" || fail "the refusal message is not on stderr"
# The taught pincer grip of the SCM is allowed there, with its caution.
"$exe" technique --id trp_pressure_release --target SCMS-TP2 --json > "$out/pincer.json" 2> "$out/pincer.err" ||
    fail "pincer grip on the SCM refused"
grep -q '"ruling": "caution"' "$out/pincer.json" || fail "no caution for the pincer grip"
echo "technique methods OK"

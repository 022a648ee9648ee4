#!/bin/sh
# Usage: handout_smoke.sh MYOATLAS OUTDIR. Writes handouts for TRAPU-TP1 (right) and checks them.
set -eu
exe=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$exe" handout --trp TRAPU-TP1 --side right -o "$out/trapu.pdf" || fail "handout PDF exited $?"
"$exe" handout --trp TRAPU-TP1 --side right -o "$out/trapu.png" || fail "handout PNG exited $?"

# The PDF is one readable page.
pdfinfo "$out/trapu.pdf" | grep -q '^Pages: *1$' || fail "PDF is not one page"
pdftoppm -r 50 -png -singlefile "$out/trapu.pdf" "$out/trapu-page" || fail "pdftoppm cannot read the PDF"
[ -s "$out/trapu-page.png" ] || fail "pdftoppm wrote nothing"
pdftotext "$out/trapu.pdf" "$out/trapu.txt" || fail "pdftotext cannot read the PDF"
tr '\n' ' ' < "$out/trapu.txt" > "$out/trapu-flat.txt"
grep -q "BodyParts3D" "$out/trapu-flat.txt" || fail "attribution missing from the PDF"
grep -q "Database Center for Life" "$out/trapu-flat.txt" || fail "attribution incomplete"
grep -q "upper trapezius" "$out/trapu-flat.txt" || fail "plain-language muscle name missing"
grep -qi "massage ball" "$out/trapu-flat.txt" || fail "self-care step missing"
grep -q "How long" "$out/trapu-flat.txt" || fail "dosage missing"
grep -q "Safety" "$out/trapu-flat.txt" || fail "safety notes missing"
grep -q "Notes from your therapist" "$out/trapu-flat.txt" || fail "no space for the therapist's notes"
# Two figures at least: the pattern and the self-care on the body, embedded as images next to the vector text.
figures=$(pdfimages -list "$out/trapu.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)
[ "$figures" -ge 2 ] || fail "the PDF has $figures embedded figures, expected at least 2"

# The PNG is an A4 page at 150 dpi.
head -c 24 "$out/trapu.png" | od -An -tx1 | tr -d ' \n' | grep -q '^89504e470d0a1a0a' || fail "not a PNG"
size=$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print(*struct.unpack('>II', d[16:24]))" "$out/trapu.png")
[ "$size" = "1239 1754" ] || fail "PNG size $size, expected 1239 1754"

# The site rule: a trigger point in front of the SCM (carotid sheath) gets no ball or roller step.
"$exe" handout --trp SCMS-TP2 --side right -o "$out/scm.pdf" || fail "handout SCMS-TP2 exited $?"
pdftotext "$out/scm.pdf" - | tr '\n' ' ' > "$out/scm-flat.txt"
grep -qi "ask your therapist" "$out/scm-flat.txt" || fail "no referral to the therapist for a spot over the carotid"
if grep -qi "Self-care: massage ball" "$out/scm-flat.txt"; then fail "a massage ball is offered over the carotid"; fi
# The site rule's picture shows the spot and the sensitive area, and says not to press there.
grep -qi "What not to do" "$out/scm-flat.txt" || fail "the refused self-care picture is not explained"

# Errors: an unknown trigger point and a bad extension are usage errors (exit 2) naming the problem.
set +e
"$exe" handout --trp NOPE-TP9 -o "$out/x.pdf" 2> "$out/err1.txt"; rc=$?
set -e
[ $rc -eq 2 ] || fail "unknown id exit $rc"
grep -q "NOPE-TP9" "$out/err1.txt" || fail "unknown id not named"
echo "handout smoke OK"

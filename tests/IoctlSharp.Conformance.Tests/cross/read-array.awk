# Prints the 32-bit values of the initialised array `sym` (awk -v sym=NAME) in the assembly on stdin, one per
# line (decimal, unsigned): .long/.word/.4byte/.int, and .zero/.space/.skip N for runs of N zero bytes. Used by
# generate.sh and Runtime/Constants/generate.sh.
function hex(s,   i, v) { v = 0; s = tolower(substr(s, 3)); for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; return v }
function emit(v) { v = v + 0; if (v < 0) v += 4294967296; printf "%.0f\n", v }
$1 == sym ":" { inside = 1; next }
!inside { next }
{
  line = $0; sub(/^[ \t]+/, "", line)
  if (line == "") next
  split(line, f, /[ \t]+/); d = f[1]; rest = substr(line, length(d) + 1); gsub(/[ \t]/, "", rest)
  if (d == ".long" || d == ".word" || d == ".4byte" || d == ".int") {
    n = split(rest, vs, ",")
    for (i = 1; i <= n; i++) emit(vs[i] ~ /^0[xX]/ ? hex(vs[i]) : vs[i])
  } else if (d == ".zero" || d == ".space" || d == ".skip") {
    split(rest, zs, ","); if (zs[1] % 4) { print "odd zero run " zs[1] > "/dev/stderr"; exit 2 }
    for (i = 0; i < zs[1] / 4; i++) print 0
  } else if (d ~ /^\.(align|p2align|balign)$/) {
    next
  } else {
    exit 0
  }
}

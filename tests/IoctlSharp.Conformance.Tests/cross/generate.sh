#!/usr/bin/env bash
# Regenerates cross/expected/<target>.txt: the values Debian's cross gcc computes for ../probe/probe.c, as
# "key TAB value" lines (value in decimal), for the targets the host gcc cannot compile for. Nothing is run on
# the target: gcc -S writes the initialised arrays, and this script reads them back.
#
#   sudo tests/IoctlSharp.Conformance.Tests/cross/generate.sh          # installs the cross compilers first
#   SKIP_INSTALL=1 tests/IoctlSharp.Conformance.Tests/cross/generate.sh
#
# Headers: -nostdinc, gcc's own include dir, the HOST's /usr/include for linux/, xen/, asm-generic/ (the cross
# packages' linux/ headers are older and differ), and the cross package's include dir for asm/ ONLY (a temp dir
# holding an `asm` symlink, searched before /usr/include).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
probe="$here/../probe"
out="$here/expected"

# target | compiler (gcc-<triple> package) and flags | directory under /usr holding the target's asm/ | libc dev package
# (which brings linux-libc-dev-<arch>-cross, the asm/ headers). One line per cross target of Runtime/AbiTarget.cs;
# x86_64 and i386 are compiled by the host gcc at test time. A test checks that this list names every row.
targets=(
  "aarch64|aarch64-linux-gnu-gcc|aarch64-linux-gnu|libc6-dev-arm64-cross"
  "arm32|arm-linux-gnueabihf-gcc|arm-linux-gnueabihf|libc6-dev-armhf-cross"
  "ppc64le|powerpc64le-linux-gnu-gcc|powerpc64le-linux-gnu|libc6-dev-ppc64el-cross"
  "riscv64|riscv64-linux-gnu-gcc|riscv64-linux-gnu|libc6-dev-riscv64-cross"
  "mips32|mips-linux-gnu-gcc|mips-linux-gnu|libc6-dev-mips-cross"
  "x32|x86_64-linux-gnux32-gcc|x86_64-linux-gnux32|libc6-dev-x32-cross"
  "armel|arm-linux-gnueabi-gcc|arm-linux-gnueabi|libc6-dev-armel-cross"
  "powerpc|powerpc-linux-gnu-gcc|powerpc-linux-gnu|libc6-dev-powerpc-cross"
  "ppc64|powerpc64-linux-gnu-gcc|powerpc64-linux-gnu|libc6-dev-ppc64-cross"
  "s390x|s390x-linux-gnu-gcc|s390x-linux-gnu|libc6-dev-s390x-cross"
  "mipsel|mipsel-linux-gnu-gcc|mipsel-linux-gnu|libc6-dev-mipsel-cross"
  "mips64|mips64-linux-gnuabi64-gcc|mips64-linux-gnuabi64|libc6-dev-mips64-cross"
  "mips64el|mips64el-linux-gnuabi64-gcc|mips64el-linux-gnuabi64|libc6-dev-mips64el-cross"
  "mipsn32|mips64-linux-gnuabi64-gcc -mabi=n32|mips64-linux-gnuabin32|libc6-dev-mipsn32-cross"
  "mipsn32el|mips64el-linux-gnuabi64-gcc -mabi=n32|mips64el-linux-gnuabin32|libc6-dev-mipsn32el-cross"
  "mipsr6|mipsisa32r6-linux-gnu-gcc|mipsisa32r6-linux-gnu|libc6-dev-mipsr6-cross"
  "mipsr6el|mipsisa32r6el-linux-gnu-gcc|mipsisa32r6el-linux-gnu|libc6-dev-mipsr6el-cross"
  "sparc64|sparc64-linux-gnu-gcc|sparc64-linux-gnu|libc6-dev-sparc64-cross"
  "alpha|alpha-linux-gnu-gcc|alpha-linux-gnu|libc6.1-dev-alpha-cross"
  "hppa|hppa-linux-gnu-gcc|hppa-linux-gnu|libc6-dev-hppa-cross"
  "m68k|m68k-linux-gnu-gcc|m68k-linux-gnu|libc6-dev-m68k-cross"
  "sh4|sh4-linux-gnu-gcc|sh4-linux-gnu|libc6-dev-sh4-cross"
  "arc|arc-linux-gnu-gcc|arc-linux-gnu|libc6-dev-arc-cross"
)

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  packages=()
  for t in "${targets[@]}"; do
    IFS='|' read -r _ cc _ libc <<<"$t"
    read -r compiler _ <<<"$cc"
    pkg="gcc-${compiler%-gcc}"
    packages+=("${pkg//_/-}" "$libc") # Debian names have no underscore: gcc-x86-64-linux-gnux32
  done
  apt-get update
  # apt-get install is idempotent: what is installed stays, what is missing is added.
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(printf '%s\n' "${packages[@]}" | sort -u)
fi

# Prints "line TAB value" twice for every ioctlsharp_bits_<line> object in the assembly on stdin (probe.c sets one
# bit-field to all ones in each): the bit-field's gcc bit position (line) and its width (line + 1). Memory bit b of
# byte n is position 8n+b on a little-endian target, 8n+7-b on a big-endian one ($1 = 1). Only .byte and
# .zero/.space/.skip may hold the object.
read_bits() {
  awk -v be="$1" '
    function finish(   n, b, lo, hi, count, pos) {
      if (line == "") return
      lo = -1; hi = -1; count = 0
      for (n = 0; n < nbytes; n++) for (b = 0; b < 8; b++) if (int(bytes[n] / 2 ^ b) % 2) {
        pos = 8 * n + (be ? 7 - b : b); count++
        if (lo < 0 || pos < lo) lo = pos; if (pos > hi) hi = pos
      }
      if (count == 0 || hi - lo + 1 != count) { print "ioctlsharp_bits_" line ": the bits are not one run" > "/dev/stderr"; exit 2 }
      print line "\t" lo; print (line + 1) "\t" count
      line = ""
    }
    $1 ~ /^ioctlsharp_bits_[0-9]+:$/ { finish(); line = substr($1, 17, length($1) - 17); nbytes = 0; next }
    line == "" { next }
    {
      d = $1; rest = substr($0, index($0, d) + length(d)); gsub(/[ \t]/, "", rest)
      if (d == ".byte") { k = split(rest, vs, ","); for (i = 1; i <= k; i++) bytes[nbytes++] = vs[i] + 0 }
      else if (d == ".zero" || d == ".space" || d == ".skip") { split(rest, zs, ","); for (i = 0; i < zs[1]; i++) bytes[nbytes++] = 0 }
      else if (d ~ /^\.(short|value|2byte|half|hword|long|word|4byte|int|quad|8byte|dword|xword|ascii|string)$/) { print "ioctlsharp_bits_" line ": " d " is not a byte" > "/dev/stderr"; exit 2 }
      else finish()
    }
    END { finish() }'
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# shellcheck source=macro-names.sh
. "$here/macro-names.sh"

# Prints the 32-bit values of the initialised array $1 in the assembly on stdin (read-array.awk).
read_array() { awk -v sym="$1" -f "$here/read-array.awk"; }

for t in "${targets[@]}"; do
  IFS='|' read -r name cc asmdir _ <<<"$t"
  read -r compiler _ <<<"$cc"
  mkdir -p "$tmp/$name"
  ln -sfn "/usr/$asmdir/include/asm" "$tmp/$name/asm"
  gccinc="$($cc -print-file-name=include)"
  $cc -S -o "$tmp/$name.s" -nostdinc -isystem "$gccinc" -I "$tmp/$name" -I /usr/include -I "$probe/xen-stub" "$probe/probe.c"
  read_array ioctlsharp_probe <"$tmp/$name.s" >"$tmp/$name.values"
  read_array ioctlsharp_probe_keys <"$tmp/$name.s" >"$tmp/$name.lines"
  if [ "$(wc -l <"$tmp/$name.values")" -ne "$(wc -l <"$tmp/$name.lines")" ]; then
    echo "$name: the two arrays differ in length; the read-back is wrong" >&2
    exit 1
  fi
  {
    asmpkg="$(dpkg-query -S "/usr/$asmdir/include/asm/ioctl.h" | cut -d: -f1)"
    echo "# $("$compiler" --version | head -n1)${cc#"$compiler"}; asm/ from /usr/$asmdir/include ($(dpkg-query -W -f '${Package} ${Version}' "$asmpkg")), linux/ from the host's /usr/include ($(dpkg-query -W -f '${Package} ${Version}' linux-libc-dev))"
    echo "# generated by cross/generate.sh from probe/probe.c; key TAB value"
    # Every name the constant headers define here, so a test sees a name the runtime's tables lack.
    for h in "${constant_headers[@]}"; do
      IFS='|' read -r header pattern <<<"$h"
      echo "# names <$header>: $(macro_names "$cc -nostdinc -isystem $gccinc -I $tmp/$name -I /usr/include" "$header" "$pattern" | awk '{ printf "%s%s", sep, $1; sep = " " }')"
    done
    be=0; case "$($cc -dM -E - </dev/null)" in *"__BYTE_ORDER__ __ORDER_BIG_ENDIAN__"*) be=1 ;; esac
    { paste "$tmp/$name.lines" "$tmp/$name.values"; read_bits "$be" <"$tmp/$name.s"; } | sort -n -k1,1 | awk -F '\t' '
      NR == FNR { keys[NR - 1] = substr($0, index($0, "\t") + 1); next }
      { print keys[$1] "\t" $2 }' "$probe/probe.keys" -
  } >"$out/$name.txt"
  echo "$name: $(grep -vc '^#' "$out/$name.txt") values -> $out/$name.txt"
done

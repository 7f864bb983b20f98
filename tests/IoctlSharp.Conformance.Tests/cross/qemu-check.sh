#!/usr/bin/env bash
# Optional proof of the read-back method: builds probe.c into a real program for a cross target, runs it under
# qemu-user, and checks that the values it prints are the ones generate.sh read from gcc's assembly
# (cross/expected/<target>.txt). Needs qemu-user and the target's cross gcc with libc6-dev-<arch>-cross.
#
#   tests/IoctlSharp.Conformance.Tests/cross/qemu-check.sh [aarch64|arm32|ppc64le|riscv64|mips32]...
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
probe="$here/../probe"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

triple_of() {
  case "$1" in
    aarch64) echo "aarch64-linux-gnu aarch64" ;;
    arm32) echo "arm-linux-gnueabihf arm" ;;
    ppc64le) echo "powerpc64le-linux-gnu ppc64le" ;;
    riscv64) echo "riscv64-linux-gnu riscv64" ;;
    mips32) echo "mips-linux-gnu mips" ;;
    *) echo "unknown target $1" >&2; exit 2 ;;
  esac
}

cat >"$tmp/main.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
extern const unsigned int ioctlsharp_probe[];
extern const unsigned int ioctlsharp_probe_keys[];
int main(int argc, char **argv)
{
    long n = strtol(argv[1], NULL, 10);
    for (long i = 0; i < n; i++)
        printf("%u\t%u\n", ioctlsharp_probe_keys[i], ioctlsharp_probe[i]);
    return 0;
}
C

status=0
for name in "${@:-aarch64 mips32}"; do
  read -r triple qemu <<<"$(triple_of "$name")"
  cc="$triple-gcc"
  mkdir -p "$tmp/$name"
  ln -sfn "/usr/$triple/include/asm" "$tmp/$name/asm"
  # probe.c with exactly the headers generate.sh uses; main.c as an ordinary hosted program of the target.
  "$cc" -c -o "$tmp/$name-probe.o" -nostdinc -isystem "$("$cc" -print-file-name=include)" -I "$probe/userspace-stub" -I "$tmp/$name" -I /usr/include \
    -I "$probe/xen-stub" "$probe/probe.c"
  "$cc" -static -o "$tmp/$name-probe" "$tmp/main.c" "$tmp/$name-probe.o"
  expected="$here/expected/$name.txt"
  n="$(grep -vc '^#' "$expected")"
  "qemu-$qemu" "$tmp/$name-probe" "$n" | awk -F '\t' '
      NR == FNR { keys[NR - 1] = substr($0, index($0, "\t") + 1); next }
      { print keys[$1] "\t" $2 }' "$probe/probe.keys" - >"$tmp/$name.ran"
  if diff <(grep -v '^#' "$expected") "$tmp/$name.ran" >"$tmp/$name.diff"; then
    echo "$name: the program run under qemu-$qemu prints the same $n values as gcc's assembly"
  else
    echo "$name: the values differ:" >&2; head -20 "$tmp/$name.diff" >&2; status=1
  fi
done
exit $status

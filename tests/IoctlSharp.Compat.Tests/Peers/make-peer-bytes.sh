#!/usr/bin/env bash
# Writes Peers/<target>.hex: the bytes of `peer` (peer-record.c) as each target's gcc lays them out and stores
# them, byte order included. Needs the cross compilers of tests/IoctlSharp.Conformance.Tests/cross/generate.sh
# (run that first, or with SKIP_INSTALL=1 when they are installed); the .hex files are checked in.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# target | compiler and flags | binutils prefix | directory under /usr holding the target's asm/
targets=(
  "mips32|mips-linux-gnu-gcc|mips-linux-gnu|mips-linux-gnu"
  "powerpc|powerpc-linux-gnu-gcc|powerpc-linux-gnu|powerpc-linux-gnu"
  "m68k|m68k-linux-gnu-gcc|m68k-linux-gnu|m68k-linux-gnu"
  "hppa|hppa-linux-gnu-gcc|hppa-linux-gnu|hppa-linux-gnu"
  "mipsn32|mips64-linux-gnuabi64-gcc -mabi=n32|mips64-linux-gnuabi64|mips64-linux-gnuabin32"
  "sh4|sh4-linux-gnu-gcc|sh4-linux-gnu|sh4-linux-gnu"
  "x32|x86_64-linux-gnux32-gcc|x86_64-linux-gnu|x86_64-linux-gnux32"
)

for t in "${targets[@]}"; do
  IFS='|' read -r name cc binutils asmdir <<<"$t"
  mkdir -p "$tmp/$name"
  ln -sfn "/usr/$asmdir/include/asm" "$tmp/$name/asm"
  $cc -c -O0 -o "$tmp/$name.o" -nostdinc -isystem "$($cc -print-file-name=include)" -I "$tmp/$name" -I /usr/include "$here/peer-record.c"
  "$binutils-objcopy" -O binary -j .data.peer "$tmp/$name.o" "$tmp/$name.bin"
  {
    echo "# $(${cc%% *} --version | head -n1)${cc#"${cc%% *}"}: the bytes of peer-record.c's peer, as make-peer-bytes.sh wrote them"
    od -An -v -tx1 "$tmp/$name.bin" | tr -s ' ' | sed 's/^ //'
  } >"$here/$name.hex"
  echo "$name: $(stat -c %s "$tmp/$name.bin") bytes -> $here/$name.hex"
done

#!/usr/bin/env bash
# Prints "NAME VALUE" for every E* macro that <errno.h> defines (the kernel's asm-generic/errno-base.h and
# errno.h, plus glibc's ENOTSUP), one a line, sorted by value, as gcc sees them: the macro names come from the
# preprocessor (gcc -E -dM), the values from a program gcc compiles. ErrnoTableTests runs it and compares the
# output with Runtime/Errno.cs; make-errno-table.sh turns it into that file.
set -euo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
names=$(echo '#include <errno.h>' | gcc -E -dM -x c - | awk '$1 == "#define" && $2 ~ /^E[A-Z0-9]+$/ { print $2 }' | sort)
{
  echo '#include <errno.h>'
  echo '#include <stdio.h>'
  echo 'int main(void) {'
  for n in $names; do echo "  printf(\"%s %d\\n\", \"$n\", $n);"; done
  echo '  return 0; }'
} > "$dir/probe.c"
gcc -o "$dir/probe" "$dir/probe.c"
"$dir/probe" | sort -k2,2n -k1,1

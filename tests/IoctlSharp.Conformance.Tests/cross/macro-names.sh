# Sourced by generate.sh and Runtime/Constants/generate.sh: the constants of the probe's headers and how to list them.
# constant_headers: "header|name pattern" per header whose every macro of that pattern is a probed constant.
constant_headers=("asm/errno.h|^E[A-Z0-9]+$" "asm/fcntl.h|^O_[A-Z0-9_]+$")

# macro_names "compiler and flags" header pattern: prints "NAME ALIAS" for every macro of the header matching the
# pattern, sorted in ordinal order (ALIAS is 1 when the header defines it as another name: EWOULDBLOCK EAGAIN).
macro_names() {
  echo "#include <$2>" | $1 -E -dM -x c - \
    | awk -v p="$3" '$1 == "#define" && $2 ~ p { print $2, (NF == 3 && $3 ~ /^[A-Za-z_][A-Za-z0-9_]*$/) ? 1 : 0 }' \
    | LC_ALL=C sort
}

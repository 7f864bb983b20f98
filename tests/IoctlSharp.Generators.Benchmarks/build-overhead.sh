#!/usr/bin/env bash
# What the generator and analyzers add to a real `dotnet build`: a consumer project holding the 150-type,
# 150-ioctl declaration set (DeclarationSet.cs), built N times with IoctlSharp's generator and analyzers, against
# the same project with the generated code checked in and no generator or analyzers. Prints both medians and their
# ratio (target: at most 1.10x), the compiler task's own time, and the generated-code volume.
#
#   tests/IoctlSharp.Generators.Benchmarks/build-overhead.sh [N] [--no-server]     (default N = 8)
#
# Everything is built in a temporary folder, removed at the end. Both projects reference what the IoctlSharp
# package would bring: the runtime assembly and, for the first, the generator and analyzer assemblies as
# analyzers, all built here from the repository's projects (Release). Builds are full (--no-incremental) and use
# the compiler server (VBCSCompiler, as a developer's machine does by default, even where the environment turns
# it off with UseSharedCompilation=false), a server of this script's own (its own pipe name), stopped at the end.
# The builds are taken in turns (A, B, A, B, ...) so that load from other processes falls on both alike; one
# untimed build of each comes first and starts the server. --no-server builds with UseSharedCompilation=false
# instead: a new compiler process per build, which loads and JIT-compiles the generator and analyzers each time and
# keeps no generator state between builds (the compiler server caches the generator driver per project, so a
# rebuild of unchanged sources on a warm server reruns the generator incrementally).
set -euo pipefail

runs=${1:-8}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ioctlsharp-build-overhead.XXXXXX")
server_id="ioctlsharp-build-overhead-$$"
stop_server() {
  local pid
  for pid in $(pgrep -f -- "-pipename:$server_id" || true); do kill "$pid" 2>/dev/null || true; done
}
trap 'stop_server; if [ -n "${KEEP_WORK:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
server=(-p:UseSharedCompilation=true "-p:SharedCompilationId=$server_id")
mode="compiler server on"
if [ "${2:-}" = "--no-server" ]; then server=(-p:UseSharedCompilation=false); mode="compiler server off"; fi

echo "== building IoctlSharp (Release) and writing the declaration set"
for project in Runtime/IoctlSharp.Runtime.csproj Generators/IoctlSharp.Generators.csproj Analyzers/IoctlSharp.Analyzers.csproj; do
  dotnet build "$root/$project" -c Release -v:q -nologo >/dev/null
done
dotnet build "$here/IoctlSharp.Generators.Benchmarks.csproj" -c Release -v:q -nologo >/dev/null
dotnet "$here/bin/Release/net10.0/IoctlSharp.Generators.Benchmarks.dll" --write-declarations "$work/declarations"

runtime="$root/Runtime/bin/Release/net8.0/IoctlSharp.Runtime.dll"
# Every assembly the generator and analyzers load (their own, and any library of theirs copied beside them),
# not Roslyn's: the compiler brings its own.
analyzer_items=$(find "$root/Generators/bin/Release/netstandard2.0" "$root/Analyzers/bin/Release/netstandard2.0" -maxdepth 1 -name '*.dll' \
  ! -name 'Microsoft.CodeAnalysis*' -printf '%f %p\n' | sort -u -k1,1 | awk '{printf "    <Analyzer Include=\"%s\" />\n", $2}')

project() { # $1: folder, $2: extra items
  mkdir -p "$1"
  cp "$work"/declarations/*.cs "$1/"
  cat >"$1/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <CompilerGeneratedFilesOutputPath>generated</CompilerGeneratedFilesOutputPath>
  </PropertyGroup>
  <ItemGroup>
    <Compile Remove="generated/**" />
    <Reference Include="IoctlSharp.Runtime" HintPath="$runtime" />
$2
  </ItemGroup>
</Project>
XML
}

with="$work/with-generator"
without="$work/generated-checked-in"
project "$with" "$analyzer_items"
dotnet restore "$with" -v:q >/dev/null
echo "== capturing the generated code (EmitCompilerGeneratedFiles)"
dotnet build "$with" -c Release --no-restore -v:q -nologo -p:EmitCompilerGeneratedFiles=true >/dev/null
project "$without" ""
mkdir -p "$without/checked-in"
find "$with/generated" -name '*.cs' -exec cp {} "$without/checked-in/" \;
dotnet restore "$without" -v:q >/dev/null

files=$(find "$without/checked-in" -name '*.cs' | wc -l)
lines=$(cat "$without"/checked-in/*.cs | wc -l)
bytes=$(cat "$without"/checked-in/*.cs | wc -c)
if [ "$files" -eq 0 ]; then echo "the generator wrote no files" >&2; exit 1; fi

build() { # $1: folder; prints "<wall ms> <Csc task ms>"
  local start end out
  start=$EPOCHREALTIME
  out=$(dotnet build "$1" -c Release --no-restore --no-incremental -nologo -v:q -clp:PerformanceSummary "${server[@]}") || { echo "$out" >&2; exit 1; }
  end=$EPOCHREALTIME
  local csc
  csc=$(echo "$out" | awk '/Task Performance Summary/ {t=1} t && $3 == "Csc" {print $1}')
  awk -v s="$start" -v e="$end" -v c="${csc:-0}" 'BEGIN {printf "%.0f %.0f\n", (e - s) * 1000, c}'
}

stats() { # stdin: numbers; $1: printf format of one number; prints "median min max"
  sort -g | awk -v f="${1:-%.0f}" '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf f " " f " " f "\n", m, v[1], v[NR]}'
}

echo "== warming up (one untimed build of each)"
build "$with" >/dev/null
build "$without" >/dev/null

echo "== $runs timed builds of each, $mode, in turns (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
: >"$work/a" ; : >"$work/b"
for i in $(seq 1 "$runs"); do
  a=$(build "$with"); b=$(build "$without")
  echo "$a" >>"$work/a"; echo "$b" >>"$work/b"
  printf '  run %2d: with generator %6s ms (Csc %6s ms)   checked in %6s ms (Csc %6s ms)\n' "$i" ${a% *} ${a#* } ${b% *} ${b#* }
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The compiler's own account of the same builds (-p:ReportAnalyzer=true, on the warm server): IoctlSharp's
# generator and analyzers, in seconds of execution time (analyzers run concurrently, so that can exceed wall time).
echo "== 3 more builds with the generator, with ReportAnalyzer"
: >"$work/report"
for i in 1 2 3; do
  dotnet build "$with" -c Release --no-restore --no-incremental -nologo -v:d -p:ReportAnalyzer=true "${server[@]}" \
    | awk '$3 == "IoctlSharp.Generators," {g = $1} $3 == "IoctlSharp.Analyzers," {a = $1} END {print g * 1000, a * 1000}' >>"$work/report"
done
read -r rg_med rg_min rg_max < <(cut -d' ' -f1 "$work/report" | stats)
read -r ra_med ra_min ra_max < <(cut -d' ' -f2 "$work/report" | stats)

read -r a_med a_min a_max < <(cut -d' ' -f1 "$work/a" | stats)
read -r b_med b_min b_max < <(cut -d' ' -f1 "$work/b" | stats)
read -r ac_med ac_min ac_max < <(cut -d' ' -f2 "$work/a" | stats)
read -r bc_med bc_min bc_max < <(cut -d' ' -f2 "$work/b" | stats)
read -r r_med r_min r_max < <(paste -d' ' "$work/a" "$work/b" | awk '{printf "%.4f\n", $1 / $3}' | stats %.3f)

echo
echo "== results ($runs builds each, $mode; load average after: $load_after; $(nproc) CPUs)"
printf 'dotnet build, with generator + analyzers: median %s ms (min %s, max %s)\n' "$a_med" "$a_min" "$a_max"
printf 'dotnet build, generated code checked in:  median %s ms (min %s, max %s)\n' "$b_med" "$b_min" "$b_max"
awk -v a="$a_med" -v b="$b_med" 'BEGIN {printf "build overhead: %.2fx (ratio of the medians; target <= 1.10x)\n", a / b}'
printf 'ratio within each pair of builds: median %s (min %s, max %s)\n' "$r_med" "$r_min" "$r_max"
printf 'Csc task alone: median %s ms with generator (min %s, max %s), %s ms checked in (min %s, max %s): %s\n' \
  "$ac_med" "$ac_min" "$ac_max" "$bc_med" "$bc_min" "$bc_max" "$(awk -v a="$ac_med" -v b="$bc_med" 'BEGIN {if (b > 0) printf "%.2fx", a / b; else print "n/a"}')"
printf 'ReportAnalyzer (3 builds): IoctlSharp.Generators median %s ms (min %s, max %s), IoctlSharp.Analyzers median %s ms (min %s, max %s)\n' \
  "$rg_med" "$rg_min" "$rg_max" "$ra_med" "$ra_min" "$ra_max"
printf 'generated code for the set: %s files, %s lines, %s bytes\n' "$files" "$lines" "$bytes"

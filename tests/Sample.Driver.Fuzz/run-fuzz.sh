#!/usr/bin/env bash
# Coverage-guided fuzzing of the sample VMM's hypercall device: afl++ drives SharpFuzz's fork server in
# Sample.Driver.Fuzz, whose target (DeviceFuzzTarget) feeds each input to VmmDevice as guest RAM and hypercalls.
# Run by hand, never by CI (CI replays the corpus and the crashes: tests/Sample.Driver.Tests/FuzzReplayTests.cs).
#
#   tests/Sample.Driver.Fuzz/run-fuzz.sh [SECONDS]        # default 600; FUZZ_OUT=dir to work elsewhere
#
# Installs what it needs once (afl++ from Debian, the sharpfuzz tool into $FUZZ_OUT/tools), publishes the target
# into $FUZZ_OUT/bin, instruments the assemblies under test there (never the normal build output), runs one
# bounded afl-fuzz instance (the machine has 2 cores), prints the figures and copies every crash into crashes/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-600}
out=${FUZZ_OUT:-$root/artifacts/fuzz}
sharpfuzz_version=2.3.0

if ! command -v afl-fuzz >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq afl++ >/dev/null
fi
if [ ! -x "$out/tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$out/tools" >/dev/null
fi

# A fresh publish each time: sharpfuzz rewrites assemblies in place, and must not see one it already rewrote.
rm -rf "$out/bin"
dotnet publish "$here/Sample.Driver.Fuzz.csproj" -c Release -o "$out/bin" -v quiet -nologo >/dev/null
for assembly in Sample.Driver.dll IoctlSharp.Runtime.dll; do
  "$out/tools/sharpfuzz" "$out/bin/$assembly"
done

findings="$out/findings"
rm -rf "$findings"
# dotnet itself is not instrumented (SharpFuzz reports coverage), uses far more address space than afl's
# default limit, and starts slowly: hence the skip, -m none and a generous first-run timeout.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -i "$here/corpus" -o "$findings" -t 5000 -m none -V "$seconds" -- dotnet "$out/bin/Sample.Driver.Fuzz.dll" \
  > "$out/afl-fuzz.log" 2>&1 || { tail -30 "$out/afl-fuzz.log"; exit 1; }

stats="$findings/default/fuzzer_stats"
field() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "afl-fuzz $(field afl_version), ${seconds} s: $(field execs_done) executions ($(field execs_per_sec)/s)," \
  "$(field corpus_count) paths in the queue, $(field edges_found) of $(field total_edges) map edges ($(field bitmap_cvg)," \
  "stability $(field stability)), $(field saved_crashes) crashes, $(field saved_hangs) hangs"

shopt -s nullglob
crashes=("$findings"/default/crashes/id:*)
for crash in "${crashes[@]}"; do
  name="afl-$(sha1sum "$crash" | cut -c1-12).bin"
  cp "$crash" "$here/crashes/$name"
  echo "crash: $here/crashes/$name"
done
[ ${#crashes[@]} -eq 0 ] || echo "replay them: dotnet test tests/Sample.Driver.Tests --filter FuzzReplay"

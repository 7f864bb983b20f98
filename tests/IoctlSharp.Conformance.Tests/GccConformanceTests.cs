using System.Linq;
using IoctlSharp.Conformance.Tests.Probe;
using Xunit;
using Xunit.Abstractions;

namespace IoctlSharp.Conformance.Tests;

/// <summary>
/// Compiles the checked-in probe/probe.c with the host gcc for x86_64 and i386 (-S, nothing runs) and compares
/// every value of the array with IoctlSharp's. No skipping: without gcc these tests fail.
/// </summary>
public sealed class GccConformanceTests
{
    private readonly ITestOutputHelper _output;

    public GccConformanceTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(AbiTarget.X86_64)]
    [InlineData(AbiTarget.I386)]
    public void HostGccAgreesWithIoctlSharp(AbiTarget target)
    {
        string asm = Gcc.Run("gcc", Gcc.HostArguments(target));
        var values = Gcc.ReadArray(asm, "ioctlsharp_probe");
        var lines = Gcc.ReadArray(asm, "ioctlsharp_probe_keys");
        var allKeys = ProbeFiles.ReadKeys();
        var keys = Comparison.KeysOn(target);
        Assert.True(values.Count == lines.Count && lines.All(l => l < allKeys.Count),
            $"gcc's {target.CName()} arrays disagree: {values.Count} values, {lines.Count} key lines (the read-back is wrong).");
        // The bit-fields' objects give two values each: bitoffset (line N) and bitwidth (line N + 1).
        var numbered = lines.Zip(values, (l, v) => (Line: (int)l, Value: v)).ToList();
        foreach (var (line, bytes) in Gcc.ReadBitObjects(asm))
        {
            var (offset, width) = ProbeModel.BitsOf(bytes, bigEndian: false);
            numbered.Add((line, offset));
            numbered.Add((line + 1, width));
        }

        numbered.Sort((a, b) => a.Line.CompareTo(b.Line));
        lines = numbered.Select(n => (uint)n.Line).ToList();
        values = numbered.Select(n => n.Value).ToList();
        var compiled = lines.Select(l => allKeys[(int)l].Key).ToList();
        Assert.True(compiled.SequenceEqual(keys),
            $"On {target.CName()} the preprocessor kept {compiled.Count} values, the guards in probe.keys say {keys.Count}: "
            + string.Join(", ", compiled.Except(keys).Concat(keys.Except(compiled)).Take(10)));

        string? report = Comparison.Compare(target, keys.Zip(values).ToList(), $"gcc ({target.CName()})", out int compared);
        _output.WriteLine($"{target.CName()}: compared {compared} values with gcc ({keys.Count} in the array)");
        if (report is not null) _output.WriteLine(report);
        Assert.True(report is null, report);
    }
}

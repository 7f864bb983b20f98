using System.Linq;
using IoctlSharp.Conformance.Tests.Probe;
using Xunit;
using Xunit.Abstractions;

namespace IoctlSharp.Conformance.Tests;

/// <summary>
/// Compares IoctlSharp with the values Debian's cross gcc computed for probe.c (cross/generate.sh wrote them to
/// cross/expected/&lt;target&gt;.txt; they are checked in, so no cross compiler is needed here).
/// </summary>
public sealed class CrossConformanceTests
{
    private readonly ITestOutputHelper _output;

    public CrossConformanceTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(AbiTarget.Aarch64)]
    [InlineData(AbiTarget.Arm32)]
    [InlineData(AbiTarget.Ppc64le)]
    [InlineData(AbiTarget.Riscv64)]
    [InlineData(AbiTarget.Mips32)]
    public void CrossGccAgreesWithIoctlSharp(AbiTarget target)
    {
        var expected = ProbeFiles.ReadExpected(target);
        var keys = Comparison.KeysOn(target);
        Assert.True(expected.Select(e => e.Key).SequenceEqual(keys),
            $"cross/expected/{target.CName()}.txt does not hold the keys probe.keys names for {target.CName()}: run cross/generate.sh.");

        string? report = Comparison.Compare(target, expected, $"cross/expected/{target.CName()}.txt", out int compared);
        _output.WriteLine($"{target.CName()}: compared {compared} values with the cross gcc's");
        if (report is not null) _output.WriteLine(report);
        Assert.True(report is null, report);
    }
}

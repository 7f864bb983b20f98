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

    /// <summary>Every target but the two the host gcc compiles for at test time.</summary>
    public static TheoryData<AbiTarget> CrossTargets()
    {
        var data = new TheoryData<AbiTarget>();
        foreach (var t in AbiTargets.All)
            if (t is not (AbiTarget.X86_64 or AbiTarget.I386))
                data.Add(t);
        return data;
    }

    [Theory]
    [MemberData(nameof(CrossTargets))]
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

    /// <summary>generate.sh has one line per cross target, named as the row names it, so none is left unchecked.</summary>
    [Fact]
    public void TheCrossScriptNamesEveryTarget()
    {
        var script = System.IO.File.ReadAllLines(System.IO.Path.Combine(ProbeFiles.ProjectDir, "cross", "generate.sh"));
        var named = script.Select(l => l.Trim()).Where(l => l.StartsWith('"') && l.Contains('|'))
            .Select(l => l.Trim('"').Split('|')[0]).ToList();
        var expected = AbiTargets.All.ToArray().Where(t => t is not (AbiTarget.X86_64 or AbiTarget.I386)).Select(t => t.CName()).ToList();
        Assert.Equal(expected, named);
    }
}

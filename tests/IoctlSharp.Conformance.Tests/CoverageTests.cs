using System.Collections.Generic;
using System.Linq;
using IoctlSharp.Conformance.Tests.Probe;
using Xunit;
using Xunit.Abstractions;

namespace IoctlSharp.Conformance.Tests;

/// <summary>Keeps the conformance suite from shrinking silently.</summary>
public sealed class CoverageTests
{
    private readonly ITestOutputHelper _output;

    public CoverageTests(ITestOutputHelper output) => _output = output;

    /// <summary>Distinct request numbers and C types (struct/union, by sizeof key) compared on a target.</summary>
    private static (int Requests, int Types, int Values) Counts(IEnumerable<string> keys, AbiTarget target)
    {
        var entries = keys.Where(ProbeModel.ByKey.ContainsKey).Select(k => ProbeModel.ByKey[k]).ToList(); // unknown keys fail the comparison tests
        int requests = entries.Where(e => e.Kind == "request").Select(e => e.Compute(target)).Distinct().Count();
        int types = entries.Count(e => e.Kind == "sizeof");
        return (requests, types, entries.Count);
    }

    [Theory]
    [InlineData(AbiTarget.X86_64, 40, 25)]
    [InlineData(AbiTarget.I386, 40, 25)]
    [InlineData(AbiTarget.Aarch64, 40, 25)]
    [InlineData(AbiTarget.Ppc64le, 40, 25)]
    [InlineData(AbiTarget.Riscv64, 40, 25)]
    [InlineData(AbiTarget.Mips32, 40, 25)]
    [InlineData(AbiTarget.Arm32, 25, 25)] // no linux/kvm.h on arm32
    public void EnoughIsCompared(AbiTarget target, int minRequests, int minTypes)
    {
        var keys = target is AbiTarget.X86_64 or AbiTarget.I386
            ? Comparison.KeysOn(target)
            : ProbeFiles.ReadExpected(target).Select(e => e.Key).ToList();
        var (requests, types, values) = Counts(keys, target);
        _output.WriteLine($"{target.CName()}: {values} values, {requests} distinct request numbers, {types} C types");
        Assert.True(requests >= minRequests, $"{target.CName()}: only {requests} distinct request numbers compared (at least {minRequests} expected)");
        Assert.True(types >= minTypes, $"{target.CName()}: only {types} C types compared (at least {minTypes} expected)");
    }

    [Fact]
    public void EveryHeaderIsCovered()
    {
        foreach (var (ns, include, _) in ProbeModel.Headers)
        {
            int types = ProbeModel.Types.Count(t => t.Type.Namespace == ns);
            int requests = ProbeModel.Requests.Count(r => r.Method.DeclaringType!.Namespace == ns);
            _output.WriteLine($"{include}: {types} C types, {requests} requests");
            Assert.True(types >= 6 && requests >= 7, $"{include}: only {types} C types and {requests} requests are declared");
        }
    }
}

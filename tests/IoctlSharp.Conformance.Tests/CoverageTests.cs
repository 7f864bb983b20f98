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

    /// <summary>
    /// The floor of every target: what its headers allow (linux/kvm.h needs asm/kvm.h; xen/privcmd.h is x86 and
    /// arm only), a little under what is compared today, so a declaration or a header dropped fails here.
    /// </summary>
    public static TheoryData<AbiTarget, int, int> Floors()
    {
        var data = new TheoryData<AbiTarget, int, int>();
        foreach (var t in AbiTargets.All)
        {
            bool kvm = ProbeModel.Exists(Guard.Kvm, t), xen = ProbeModel.Exists(Guard.Xen, t);
            var (requests, types) = kvm ? (285, 72) : xen ? (250, 62) : (240, 54);
            data.Add(t, requests, types);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Floors))]
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
            int constants = ProbeModel.Constants.Count(c => c.Class.Namespace == ns);
            _output.WriteLine($"{include}: {types} C types, {requests} requests, {constants} constants");
            // io_uring is driven by system calls: its header has no ioctls; posix-types.h is types only (its headers'
            // LOOP_* and EVIOC* are declared with the requests' headers). A header of requests only (linux/sockios.h,
            // asm/ioctls.h) declares no type; one of constants, none of either.
            int minRequests = include == "linux/io_uring.h" || ns == ProbeModel.HeadersNamespace + ".PosixTypes" ? 0 : 7;
            Assert.True((requests >= minRequests && (types >= 6 || types + requests >= 14)) || constants >= 20,
                $"{include}: only {types} C types, {requests} requests and {constants} constants are declared");
        }
    }
}

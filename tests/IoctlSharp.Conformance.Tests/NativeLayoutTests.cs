using System.Linq;
using System.Reflection;
using IoctlSharp.Conformance.Tests.Probe;
using Xunit;
using Xunit.Abstractions;

namespace IoctlSharp.Conformance.Tests;

/// <summary>The layout .NET gives each declaration in this process is the C layout of this process's ABI.</summary>
public sealed class NativeLayoutTests
{
    private readonly ITestOutputHelper _output;

    public NativeLayoutTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void DotNetLaysOutEveryDeclarationAsC()
    {
        var target = AbiTargets.RequireCurrent();
        var compare = typeof(AbiLayout).GetMethod(nameof(AbiLayout.CompareNative))!;
        var types = typeof(ProbeModel).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(ProbeModel.HeadersNamespace + ".", System.StringComparison.Ordinal) == true && ProbeModel.IsAbiType(t))
            .ToList();
        var problems = types
            .Select(t => (string?)compare.MakeGenericMethod(t).Invoke(null, new object[] { target }))
            .Where(p => p is not null).ToList();
        _output.WriteLine($"{target.CName()}: checked .NET's layout of {types.Count} declarations");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

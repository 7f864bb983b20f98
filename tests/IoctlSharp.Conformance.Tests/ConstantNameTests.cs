using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IoctlSharp.Conformance.Tests.Probe;
using Xunit;
using Xunit.Abstractions;

namespace IoctlSharp.Conformance.Tests;

/// <summary>
/// The runtime's constant tables hold every name each target's header defines, no more: the probe compares the
/// numbers of the names the tables know (GccConformanceTests, CrossConformanceTests), this the names themselves,
/// against the host gcc's preprocessor for x86_64 and i386 and the cross gcc's (the "# names" lines cross/generate.sh
/// writes into cross/expected/&lt;target&gt;.txt) for the others.
/// </summary>
public sealed class ConstantNameTests
{
    // As cross/macro-names.sh lists them.
    private static readonly Dictionary<string, Regex> s_patterns = new()
    {
        ["<asm/errno.h>"] = new Regex("^E[A-Z0-9]+$"),
        ["<asm/fcntl.h>"] = new Regex("^O_[A-Z0-9_]+$"),
    };

    private readonly ITestOutputHelper _output;

    public ConstantNameTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<AbiTarget> Targets()
    {
        var data = new TheoryData<AbiTarget>();
        foreach (var t in AbiTargets.All)
            data.Add(t);
        return data;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void EveryTableHasEveryNameTheTargetsHeaderDefines(AbiTarget target)
    {
        var headerNames = target is AbiTarget.X86_64 or AbiTarget.I386 ? HostNames(target) : CrossNames(target);
        Assert.Equal(ProbeModel.ConstantTables.Select(t => t.Header).OrderBy(h => h), headerNames.Keys.OrderBy(h => h));
        foreach (var table in ProbeModel.ConstantTables)
        {
            var expected = headerNames[table.Header];
            Assert.True(expected.Count > 15, $"{target.CName()}: only {expected.Count} names read for {table.Header}");
            var actual = table.Names(target);
            Assert.True(expected.SequenceEqual(actual), $"{target.CName()} {table.Header}: the header defines "
                + $"[{string.Join(" ", expected.Except(actual))}] that the table lacks, the table has [{string.Join(" ", actual.Except(expected))}] that the header lacks");
            _output.WriteLine($"{target.CName()} {table.Header}: {expected.Count} names");
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> CrossNames(AbiTarget target)
        => File.ReadLines(ProbeFiles.CrossExpected(target))
            .Select(l => Regex.Match(l, "^# names (<[^>]+>):(.*)$")).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value,
                m => (IReadOnlyList<string>)m.Groups[2].Value.Split(' ', System.StringSplitOptions.RemoveEmptyEntries).ToList());

    private static Dictionary<string, IReadOnlyList<string>> HostNames(AbiTarget target)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        string dir = Directory.CreateTempSubdirectory("ioctlsharp-names-").FullName;
        try
        {
            foreach (var (header, pattern) in s_patterns)
            {
                string source = Path.Combine(dir, "names.c");
                File.WriteAllText(source, $"#include {header}\n");
                var args = Gcc.HostTargetFlags(target);
                args.AddRange(new[] { "-E", "-dM", source });
                result[header] = Gcc.Run("gcc", args).Split('\n')
                    .Select(l => l.Split(' ')).Where(f => f.Length >= 3 && f[0] == "#define" && pattern.IsMatch(f[1]))
                    .Select(f => f[1]).OrderBy(n => n, System.StringComparer.Ordinal).ToList();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        return result;
    }
}

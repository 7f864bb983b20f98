using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IoctlSharp.Generators.Abi;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// The target tables of README.md, docs/targets.md and docs/layout-engine.md are printed from the rows of
/// Runtime/AbiTarget.cs, never typed: this test fails when a table and the rows disagree, and rewrites the tables
/// with IOCTLSHARP_UPDATE_SNAPSHOTS=1.
/// </summary>
public class TargetTableTests
{
    private const string Begin = "<!-- target table: generated from Runtime/AbiTarget.cs by TargetTableTests; do not edit -->";
    private const string End = "<!-- end of target table -->";

    [Theory]
    [InlineData("docs/targets.md", false)]
    [InlineData("docs/layout-engine.md", false)]
    [InlineData("README.md", true)]
    public void TheTablesAreTheRows(string file, bool brief)
    {
        string path = Path.Combine(Root(), file);
        string text = File.ReadAllText(path).Replace("\r\n", "\n");
        int begin = text.IndexOf(Begin, StringComparison.Ordinal), end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{file} has no generated target table between the markers");
        string table = "\n" + (brief ? Brief() : Full()) + "\n";
        string current = text.Substring(begin + Begin.Length, end - begin - Begin.Length);
        if (current == table)
            return;
        if (Environment.GetEnvironmentVariable(Snapshot.UpdateVariable) == "1")
        {
            File.WriteAllText(path, text[..(begin + Begin.Length)] + table + text[end..]);
            return;
        }

        Assert.Fail($"{file}'s target table is not the rows of Runtime/AbiTarget.cs; {Snapshot.UpdateVariable}=1 rewrites it. Expected:\n{table}");
    }

    private static string Full()
    {
        var lines = new List<string>
        {
            "| target | .NET process | pointer, `long`, `size_t` | `__u64`/`double` alignment | largest scalar alignment | byte order | request encoding | emitted by default | 32-bit twin | checked against |",
            "|---|---|---|---|---|---|---|---|---|---|",
        };
        foreach (var t in TargetAbi.All)
        {
            var e = t.Encoding;
            lines.Add($"| {t.Name} | {Rids(t)} | {t.PointerSize} | {t.Int64Align} | {t.MaxScalarAlign} | {(t.BigEndian ? "big" : "little")} "
                      + $"| {e.SizeBits} size bits; NONE {e.None}, WRITE {e.Write}, READ {e.Read} | {(t.EmittedByDefault ? "yes" : "")} "
                      + $"| {(t.HasTwin ? "`T." + t.Identifier + "`" : "")} | {CheckedAgainst(t)} |");
        }

        return string.Join("\n", lines);
    }

    private static string Brief()
    {
        var lines = new List<string>
        {
            "| target | .NET process | ILP32 | byte order | emitted by default |",
            "|---|---|---|---|---|",
        };
        lines.AddRange(TargetAbi.All.Select(t => $"| {t.Name} | {Rids(t)} | {(t.IsIlp32 ? "yes" : "")} | {(t.BigEndian ? "big" : "little")} | {(t.EmittedByDefault ? "yes" : "")} |"));
        return string.Join("\n", lines);
    }

    private static string Rids(TargetAbi t)
        => t.Rids.Length == 0 ? "peers only" : string.Join(", ", t.Rids.Split(',').Select(r => $"linux-{r}"));

    /// <summary>The compiler that produced a target's conformance values: the host gcc at test time, or the first line of its checked-in file.</summary>
    private static string CheckedAgainst(TargetAbi t)
    {
        if (t.Target is Target.X86_64 or Target.I386)
            return "host gcc" + (t.Target == Target.I386 ? " -m32" : "") + ", at test time";
        string expected = Path.Combine(Root(), "tests", "IoctlSharp.Conformance.Tests", "cross", "expected", t.Name + ".txt");
        string first = File.ReadLines(expected).First();
        string compiler = first.TrimStart('#', ' ');
        int semicolon = compiler.IndexOf(';');
        return "`" + (semicolon >= 0 ? compiler[..semicolon] : compiler).Replace(" (Debian 12.2.0-14) 12.2.0", " 12.2.0") + "`";
    }

    private static string Root() => DiagnosticDocsTests.Root();
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// Every ```csharp block of README.md, nuget/README.md, docs/*.md and docs/diagnostics/*.md compiles with the
/// generator, the analyzers and the runtime, as a user would paste it. The conventions (README.md, "Code blocks
/// in the docs"): a block is a whole C# file by itself, with the usings of <see cref="GlobalUsings"/>, top-level statements
/// allowed; an HTML comment on the line before it says otherwise:
/// <list type="bullet">
/// <item><c>&lt;!-- compile: context --&gt;</c>: compiled with Docs/Context.cs and the runtime tests' KVM and tun
/// declarations, which declare what fragments use without declaring (the KVM group, <c>vcpu</c>, <c>cancellationToken</c>, …);</item>
/// <item><c>&lt;!-- compile: members --&gt;</c>: members of an <c>[IoctlGroup]</c> class, compiled inside one, with Docs/Context.cs;</item>
/// <item><c>&lt;!-- compile: with previous --&gt;</c>: one more file of the previous block's compilation;</item>
/// <item>any of them followed by <c>allow CS0625</c>: a compiler error the page says the example shows.</item>
/// </list>
/// On a diagnostic's page, a block under <c>## Bad</c> must report that page's diagnostic, and a block under any other
/// heading must not. A block compiles when neither the compiler (in the block, or in the code generated for it) nor
/// the analyzers report an error; a failure names the page and the line.
/// </summary>
public class DocsCodeBlockTests
{
    private const string GlobalUsings = """
        global using System;
        global using System.Runtime.InteropServices;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using IoctlSharp;
        """;

    /// <summary>Docs/Context.cs and the runtime tests' KVM and tun declarations it builds on.</summary>
    private static readonly Lazy<string[]> Context = new(() => new[]
        {
            Path.Combine("tests", "IoctlSharp.Generators.Tests", "Docs", "Context.cs"),
            Path.Combine("tests", "IoctlSharp.Runtime.Tests", "Declarations.cs"),
            Path.Combine("tests", "IoctlSharp.Runtime.Tests", "KvmDeclarations.cs"),
            Path.Combine("tests", "IoctlSharp.Runtime.Tests", "TunDeclarations.cs"),
        }.Select(f => File.ReadAllText(Path.Combine(Root(), f))).ToArray());

    private const string MembersPrefix = "[IoctlGroup(0xAF)]\npublic static unsafe partial class DocsMembers\n{\n";

    internal sealed record Block(string Page, int Line, string Kind, string Section, string Code, IReadOnlyList<string>? Allowed = null);

    private static readonly Regex Marker = new(@"^\s*<!--\s*compile:\s*(?<kind>[a-z]+( previous)?)(\s+allow(\s+(?<allow>[A-Z]+[0-9]+))+)?\s*-->\s*$");

    private static string Root() => DiagnosticDocsTests.Root();

    /// <summary>The pages whose code blocks are compiled, relative to the repository root.</summary>
    public static IEnumerable<object[]> Pages()
    {
        string root = Root();
        return new[] { "README.md", Path.Combine("nuget", "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => Path.GetRelativePath(root, f)))
            .Concat(Directory.GetFiles(Path.Combine(root, "docs", "diagnostics"), "*.md").Select(f => Path.GetRelativePath(root, f)))
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { p.Replace('\\', '/') });
    }

    /// <summary>The fenced C# blocks of a page, each with the line of its opening fence, its marker and its section.</summary>
    internal static List<Block> BlocksOf(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(Root(), page));
        var blocks = new List<Block>();
        string section = "";
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].TrimStart();
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
                section = lines[i][3..].Trim();
            if (!trimmed.StartsWith("```", StringComparison.Ordinal))
                continue;
            string language = trimmed[3..].Trim();
            int indent = lines[i].Length - trimmed.Length;
            int start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                code.Add(lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart());
            if (language is not ("csharp" or "cs" or "c#"))
                continue;
            Assert.True(language == "csharp", $"{page}:{start + 1}: spell C# blocks ```csharp, so that this test finds them");
            string kind = "file";
            var allowed = new List<string>();
            int previous = start - 1;
            while (previous >= 0 && lines[previous].Trim().Length == 0)
                previous--;
            if (previous >= 0 && lines[previous].TrimStart().StartsWith("<!-- compile:", StringComparison.Ordinal))
            {
                var m = Marker.Match(lines[previous]);
                Assert.True(m.Success, $"{page}:{previous + 1}: a marker is <!-- compile: file|context|members|with previous [allow CS0000 ...] -->");
                kind = m.Groups["kind"].Value;
                allowed.AddRange(m.Groups["allow"].Captures.Select(c => c.Value));
            }

            Assert.True(kind is "file" or "context" or "members" or "with previous", $"{page}:{previous + 1}: unknown marker 'compile: {kind}'");
            Assert.True(kind != "with previous" || blocks.Count > 0, $"{page}:{start + 1}: 'with previous' on the page's first block");
            blocks.Add(new Block(page, start + 1, kind, section, string.Join("\n", code) + "\n", allowed));
        }

        return blocks;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryCodeBlockOfThePageCompiles(string page)
    {
        string? id = Regex.Match(page, @"^docs/diagnostics/(ISH\d+)\.md$") is { Success: true } m ? m.Groups[1].Value : null;
        var failures = Compilations(BlocksOf(page)).SelectMany(unit => Problems(unit, id)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The blocks grouped into compilations: each block alone, but for those marked 'with previous'.</summary>
    internal static List<List<Block>> Compilations(IEnumerable<Block> blocks)
    {
        var units = new List<List<Block>>();
        foreach (var block in blocks)
        {
            if (block.Kind == "with previous")
                units[^1].Add(block);
            else
                units.Add(new List<Block> { block });
        }

        return units;
    }

    [Fact]
    public void TheBlocksAreFoundWhereTheDocsHaveThem()
    {
        // What the pages hold today: a change to the page finder that found fewer would pass the test above.
        Assert.True(BlocksOf("README.md").Count(b => b.Kind == "file") >= 2);
        Assert.Single(BlocksOf("nuget/README.md"));
        Assert.Contains(BlocksOf("README.md"), b => b.Kind == "context");
        Assert.Contains(BlocksOf("README.md"), b => b.Kind == "with previous");
        Assert.Contains(BlocksOf("docs/runtime.md"), b => b.Kind == "members");
        var pages = Pages().Select(p => (string)p[0]).ToList();
        Assert.Contains("docs/diagnostics/ISH111.md", pages);
        // A rule about the project file (ISH114: IoctlSharpTargets) has its Bad example in XML, which TargetSetTests
        // runs through the generator and analyzers as a property.
        Assert.All(pages.Where(p => p.StartsWith("docs/diagnostics/ISH", StringComparison.Ordinal) && !BadIsProjectXml(p)),
            p => Assert.Contains(BlocksOf(p), b => b.Section == "Bad"));
    }

    private static bool BadIsProjectXml(string page)
    {
        string text = File.ReadAllText(Path.Combine(DiagnosticDocsTests.Root(), page));
        int bad = text.IndexOf("## Bad", StringComparison.Ordinal);
        if (bad < 0) return false;
        int xml = text.IndexOf("```xml", bad, StringComparison.Ordinal), cs = text.IndexOf("```csharp", bad, StringComparison.Ordinal);
        return xml >= 0 && (cs < 0 || xml < cs);
    }

    [Fact]
    public void ABlockThatDoesNotCompileIsReportedWithItsPageAndLine()
    {
        var broken = new Block("docs/example.md", 10, "file", "Usage", "var x = 1;\nint y = \"two\";\n");
        var problem = Assert.Single(Problems(broken, null));
        Assert.StartsWith("docs/example.md:12: CS0029", problem);

        // A diagnostic page's Bad example must report the page's diagnostic, and only it may.
        var bad = new Block("docs/diagnostics/ISH103.md", 7, "file", "Bad", "[AbiStruct(ExpectedSize = 16)] public partial struct S { public uint A; }\n");
        Assert.Empty(Problems(bad, "ISH103"));
        Assert.Contains(Problems(bad with { Section = "Fix" }, "ISH103"), p => p.StartsWith("docs/diagnostics/ISH103.md:7: reports ISH103", StringComparison.Ordinal));
        var clean = bad with { Code = "[AbiStruct(ExpectedSize = 4)] public partial struct S { public uint A; }\n" };
        Assert.StartsWith("docs/diagnostics/ISH103.md:7: a Bad example must report ISH103", Assert.Single(Problems(clean, "ISH103")));
        Assert.Empty(Problems(clean with { Section = "Fix" }, "ISH103"));
    }

    internal static IEnumerable<string> Problems(Block block, string? pageId) => Problems(new List<Block> { block }, pageId);

    /// <summary>What is wrong with the blocks of one compilation: each problem as "page:line: what".</summary>
    internal static IEnumerable<string> Problems(List<Block> unit, string? pageId)
    {
        var first = unit[0];
        bool members = first.Kind == "members";
        var sources = unit.Select(b => members && b == first ? MembersPrefix + b.Code + "}\n" : b.Code).ToList();
        int shift = members ? MembersPrefix.Count(c => c == '\n') : 0;
        sources.Add(GlobalUsings);
        if (first.Kind is "context" or "members")
            sources.AddRange(Context.Value);

        bool program = sources.Take(unit.Count).Any(code => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code).GetRoot()
            .DescendantNodes().OfType<GlobalStatementSyntax>().Any());
        var result = program ? Harness.RunProgram(sources.ToArray()) : Harness.Run(sources.ToArray());

        string At(Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            var match = Regex.Match(d.Location.SourceTree?.FilePath ?? "", @"^Source(\d+)\.cs$");
            int i = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
            if (i >= 0 && i < unit.Count)
                return $"{unit[i].Page}:{unit[i].Line + 1 + span.StartLinePosition.Line - (i == 0 ? shift : 0)}";
            if (i >= 0)
                return $"{first.Page}:{first.Line} (in {(i == unit.Count ? "the global usings" : "Docs/Context.cs")}:{span.StartLinePosition.Line + 1})";
            return $"{first.Page}:{first.Line} (in generated {Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1})";
        }

        foreach (var r in result.Run.Results.Where(r => r.Exception is not null))
            yield return $"{first.Page}:{first.Line}: the generator threw {r.Exception}";
        var ids = result.AnalyzerDiagnostics.Select(d => d.Id).ToHashSet();
        var allowed = unit.SelectMany(b => b.Allowed ?? Array.Empty<string>()).ToHashSet();
        bool bad = pageId is not null && unit.Any(b => b.Section == "Bad");
        foreach (var d in result.Errors)
        {
            if ((bad && d.Id == pageId) || allowed.Contains(d.Id))
                continue;
            yield return $"{At(d)}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        if (bad && !ids.Contains(pageId!))
            yield return $"{first.Page}:{first.Line}: a Bad example must report {pageId}; it reports {(ids.Count == 0 ? "nothing" : string.Join(", ", ids.Order()))}";
        if (pageId is not null && !bad && ids.Contains(pageId))
            yield return $"{first.Page}:{first.Line}: reports {pageId}, which only the Bad example should";
    }
}

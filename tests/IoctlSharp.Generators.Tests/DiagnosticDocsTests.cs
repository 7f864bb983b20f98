using System;
using System.IO;
using System.Linq;
using IoctlSharp.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// The diagnostics machinery stays true: every descriptor is reported by a shipped analyzer, is listed in the
/// analyzer release files, and has a help link to a page under docs/diagnostics/ with a bad example, the fix and why.
/// </summary>
public class DiagnosticDocsTests
{
    private static readonly DiagnosticDescriptor[] All = typeof(Descriptors).GetFields()
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    /// <summary>The clone's root, found from the test binary.</summary>
    internal static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IoctlSharp.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No IoctlSharp.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void EveryDescriptorHasAPageWithBadFixAndWhy()
    {
        Assert.NotEmpty(All);
        foreach (var descriptor in All)
        {
            Assert.StartsWith("ISH", descriptor.Id);
            // A URL under the documented base, ending in the page's path in this repository.
            Assert.Equal(Descriptors.DefaultHelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.StartsWith("https://", descriptor.HelpLinkUri);
            Assert.EndsWith("/docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
            string page = Path.Combine(Root(), "docs", "diagnostics", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page at {page}");
            string text = File.ReadAllText(page);
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", text);
            Assert.Contains("## Bad", text);
            Assert.Contains("## Fix", text);
            Assert.Contains("## Why", text);
        }

        var pages = Directory.GetFiles(Path.Combine(Root(), "docs", "diagnostics"), "ISH*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Empty(pages.Except(All.Select(d => d.Id)));
    }

    [Fact]
    public async System.Threading.Tasks.Task AProjectCanPointHelpLinksAtItsOwnCopyOfTheDocs()
    {
        var compilation = Harness.Compile("using IoctlSharp; [AbiStruct(ExpectedSize = 4)] public partial struct S { public ulong X; }");
        var options = BuildProperties.Options(("IoctlSharpHelpLinkBase", "https://docs.example.test/ish"));
        var defaults = await compilation.WithAnalyzers(Harness.AllAnalyzers()).GetAnalyzerDiagnosticsAsync();
        var rebased = await compilation.WithAnalyzers(Harness.AllAnalyzers(), options).GetAnalyzerDiagnosticsAsync();

        var before = Assert.Single(defaults, d => d.Id == "ISH103");
        var after = Assert.Single(rebased, d => d.Id == "ISH103");
        Assert.Equal(Descriptors.DefaultHelpLinkBase + "ISH103.md", before.Descriptor.HelpLinkUri);
        Assert.Equal("https://docs.example.test/ish/ISH103.md", after.Descriptor.HelpLinkUri);
        Assert.Equal(before.GetMessage(), after.GetMessage());
        Assert.Equal(before.Properties, after.Properties);
        Assert.Equal(before.Severity, after.Severity);
    }

    [Fact]
    public void EveryDescriptorIsInTheReleaseFilesWithItsSeverity()
    {
        string releases = File.ReadAllText(Path.Combine(Root(), "Generators", "Core", "AnalyzerReleases.Shipped.md"))
                          + File.ReadAllText(Path.Combine(Root(), "Generators", "Core", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in All)
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity}", releases);
    }

    [Fact]
    public void EveryDescriptorIsReportedByAnAnalyzer()
    {
        var supported = Harness.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.All(All, d => Assert.Contains(d.Id, supported));
    }
}

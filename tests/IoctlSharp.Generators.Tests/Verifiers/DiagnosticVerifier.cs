using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoctlSharp.Generators.Tests.Verifiers;

/// <summary>
/// Runs the generator and every IoctlSharp analyzer on marked-up source and checks that the diagnostics with the
/// IDs under test are exactly the marked ones: the same IDs on the same spans, no more and no fewer.
/// </summary>
internal static class DiagnosticVerifier
{
    public const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing System.Runtime.CompilerServices;\nusing IoctlSharp;\nnamespace Test;\n";

    /// <param name="markup">Source after <see cref="Usings"/>; <c>[|...|]</c> marks use the first of <paramref name="ids"/>.</param>
    /// <param name="ids">The IDs under test: any diagnostic with one of them must be marked (and IDs in marks are watched too).</param>
    /// <returns>The watched diagnostics, for assertions on their messages.</returns>
    public static IReadOnlyList<Diagnostic> Verify(string markup, params string[] ids)
    {
        var parsed = Markup.Parse(Usings + markup, ids.FirstOrDefault());
        var result = Harness.Run(parsed.Source);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id == "AD0001");
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Id == "CS8785");

        var watched = new HashSet<string>(ids.Concat(parsed.Spans.Select(s => s.Id)));
        var actual = result.AnalyzerDiagnostics.Concat(result.CompilerDiagnostics)
            .Where(d => watched.Contains(d.Id) && d.Location.IsInSource && d.Location.SourceTree!.FilePath == "Source0.cs")
            .ToList();
        var expectedKeys = parsed.Spans.Select(s => $"{s.Id} {Describe(parsed.Source, s.Span)}").OrderBy(k => k).ToList();
        var actualKeys = actual.Select(d => $"{d.Id} {Describe(parsed.Source, d.Location.SourceSpan)}").OrderBy(k => k).ToList();
        Assert.True(expectedKeys.SequenceEqual(actualKeys),
            "Expected:\n  " + string.Join("\n  ", expectedKeys) + "\nActual:\n  " + string.Join("\n  ", actual.Select(d => d.ToString())));
        return actual;
    }

    private static string Describe(string source, Microsoft.CodeAnalysis.Text.TextSpan span)
        => $"[{span.Start}..{span.End}) '{source.Substring(span.Start, span.Length)}'";
}

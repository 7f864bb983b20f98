using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace IoctlSharp.Generators.Tests.Verifiers;

/// <summary>
/// Applies a code fix the way an IDE does (in a workspace, through its code action's operations) and checks the
/// result: the fixed document equals the expected source, the diagnostic is gone, and the fixed source compiles
/// with the generator and no error.
/// </summary>
internal static class CodeFixVerifier
{
    private static readonly CSharpCompilationOptions Options =
        new(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable);

    private static readonly ImmutableArray<MetadataReference> References = Harness.Compile().References.ToImmutableArray();

    /// <param name="before">Source after <see cref="DiagnosticVerifier.Usings"/>, with the diagnostic to fix marked <c>[|...|]</c>.</param>
    /// <param name="after">The expected source after the fix (without the usings).</param>
    /// <param name="title">Part of the code action's title, when the fix offers several.</param>
    /// <param name="remaining">How many <paramref name="id"/> diagnostics the fixed source still has (other holes, say).</param>
    public static async Task VerifyAsync(CodeFixProvider fix, string id, string before, string after, string? title = null, int remaining = 0)
    {
        var parsed = Markup.Parse(DiagnosticVerifier.Usings + before, id);
        var mark = Assert.Single(parsed.Spans, s => s.Id == id);
        Assert.Contains(id, fix.FixableDiagnosticIds);

        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
                compilationOptions: Options, parseOptions: Harness.ParseOptions, metadataReferences: References))
            .AddDocument(documentId, "Source0.cs", SourceText.From(parsed.Source));
        var document = solution.GetDocument(documentId)!;

        var diagnostics = await AnalyzeAsync(document.Project);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id && d.Location.SourceSpan == mark.Span);

        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        var action = title is null ? Assert.Single(actions) : Assert.Single(actions, a => a.Title.Contains(title));
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution.GetDocument(documentId)!;
        string actual = (await changed.GetTextAsync()).ToString();
        string expected = DiagnosticVerifier.Usings + after;
        Assert.True(Normalize(expected) == Normalize(actual),
            $"'{action.Title}' produced a different document (- expected, + actual):\n" + Snapshot.Diff(Normalize(expected), Normalize(actual)));

        var fixedDiagnostics = await AnalyzeAsync(changed.Project);
        Assert.Equal(remaining, fixedDiagnostics.Count(d => d.Id == id));
        var errors = Harness.Run(actual).Errors.ToList();
        Assert.True(errors.Count == 0, "The fixed source does not build:\n" + string.Join("\n", errors));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(Harness.AllAnalyzers()).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IoctlSharp.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace IoctlSharp.CodeFixes;

/// <summary>
/// ISH103 and ISH124: states the computed size (like VMMDEV_ASSERT_SIZE): <c>ExpectedSize</c> when every target
/// agrees, else <c>ExpectedSize32</c>/<c>ExpectedSize64</c>. The sizes come from the analyzer's layout engine.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExpectedSizeCodeFixProvider)), Shared]
public sealed class ExpectedSizeCodeFixProvider : CodeFixProvider
{
    private static readonly string[] Names = { "ExpectedSize", "ExpectedSize32", "ExpectedSize64" };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        Descriptors.ExpectedSizeMismatch.Id, Descriptors.NoExpectedSize.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var set = new List<(string Name, string Value)>();
            if (SyntaxEdits.StringProperty(diagnostic, FixProperties.Size) is { } all)
            {
                set.Add(("ExpectedSize", all));
            }
            else
            {
                if (SyntaxEdits.StringProperty(diagnostic, FixProperties.Size32) is { } size32)
                    set.Add(("ExpectedSize32", size32));
                if (SyntaxEdits.StringProperty(diagnostic, FixProperties.Size64) is { } size64)
                    set.Add(("ExpectedSize64", size64));
            }

            if (set.Count == 0 || SyntaxEdits.TypeAt(root, diagnostic.Location.SourceSpan) is not { } type)
                continue;
            string verb = diagnostic.Id == Descriptors.ExpectedSizeMismatch.Id ? "Correct" : "Declare";
            context.RegisterCodeFix(CodeAction.Create(
                $"{verb} the expected size from the computed layout ({string.Join(", ", set.Select(s => s.Name + " = " + s.Value))})",
                ct => RewriteAsync(context.Document, type, set, ct),
                equivalenceKey: "ExpectedSize"), diagnostic);
        }
    }

    private static async Task<Document> RewriteAsync(Document document, TypeDeclarationSyntax type, List<(string Name, string Value)> set, CancellationToken ct)
    {
        if (await SyntaxEdits.AbiAttributeAsync(document, type, ct).ConfigureAwait(false) is not { } attribute)
            return document;
        string rewritten = SyntaxEdits.RewriteNamedArguments(attribute, set, Names);
        return await SyntaxEdits.ApplyAsync(document, new[] { new TextChange(attribute.Span, rewritten) }, ct).ConfigureAwait(false);
    }
}

using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// ISH122: makes i386 agree with x86_64 by alignment, as <c>__aligned_u64</c> does: <c>[AbiAlign(8)]</c> on the
/// first member i386 places early, or <c>Align = 8</c> on the struct when only its size differs.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AbiAlignCodeFixProvider)), Shared]
public sealed class AbiAlignCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.I386LayoutDiffers.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            string? field = SyntaxEdits.StringProperty(diagnostic, FixProperties.AlignField);
            if (field is null || SyntaxEdits.IntProperty(diagnostic, FixProperties.AlignTo) is not int align
                || SyntaxEdits.TypeAt(root, diagnostic.Location.SourceSpan) is not { } type)
                continue;
            string n = align.ToString(CultureInfo.InvariantCulture);
            if (field.Length > 0)
            {
                if (SyntaxEdits.FieldStartingWith(type, field) is not FieldDeclarationSyntax declaration || declaration.Declaration.Variables.Count != 1)
                    continue;
                context.RegisterCodeFix(CodeAction.Create(
                    $"Align '{field}' to {n} bytes on every ABI ([AbiAlign({n})])",
                    ct => AlignFieldAsync(context.Document, declaration, n, ct),
                    equivalenceKey: "AbiAlignField"), diagnostic);
            }
            else
            {
                context.RegisterCodeFix(CodeAction.Create(
                    $"Align '{type.Identifier.ValueText}' to {n} bytes on every ABI (Align = {n})",
                    ct => AlignTypeAsync(context.Document, type, n, ct),
                    equivalenceKey: "AbiAlignType"), diagnostic);
            }
        }
    }

    private static async Task<Document> AlignFieldAsync(Document document, FieldDeclarationSyntax declaration, string n, CancellationToken ct)
    {
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        bool inScope = model?.LookupNamespacesAndTypes(declaration.SpanStart, name: "AbiAlignAttribute")
            .Any(s => s.ToDisplayString() == "IoctlSharp.AbiAlignAttribute") == true;
        string attribute = (inScope ? "AbiAlign" : "global::IoctlSharp.AbiAlign") + "(" + n + ")";
        return await SyntaxEdits.ApplyAsync(document, new[] { new TextChange(new TextSpan(declaration.SpanStart, 0), "[" + attribute + "] ") }, ct).ConfigureAwait(false);
    }

    private static async Task<Document> AlignTypeAsync(Document document, TypeDeclarationSyntax type, string n, CancellationToken ct)
    {
        if (await SyntaxEdits.AbiAttributeAsync(document, type, ct).ConfigureAwait(false) is not { } attribute)
            return document;
        string rewritten = SyntaxEdits.RewriteNamedArguments(attribute, new[] { ("Align", n) }, new string[0]);
        return await SyntaxEdits.ApplyAsync(document, new[] { new TextChange(attribute.Span, rewritten) }, ct).ConfigureAwait(false);
    }
}

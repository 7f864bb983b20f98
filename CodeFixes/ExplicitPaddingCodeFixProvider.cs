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
/// ISH121 and ISH122: spells a hole out as padding members (seed 002's <c>padding</c>), so every ABI puts the
/// following member where x86_64 does. The analyzer says where, how many bytes and from which offset.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExplicitPaddingCodeFixProvider)), Shared]
public sealed class ExplicitPaddingCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        Descriptors.ImplicitPadding.Id, Descriptors.I386LayoutDiffers.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            string? before = SyntaxEdits.StringProperty(diagnostic, FixProperties.InsertBefore);
            if (before is null || SyntaxEdits.IntProperty(diagnostic, FixProperties.PaddingSize) is not int size || size <= 0
                || SyntaxEdits.IntProperty(diagnostic, FixProperties.PaddingOffset) is not int offset
                || SyntaxEdits.TypeAt(root, diagnostic.Location.SourceSpan) is not { } type)
                continue;
            if (before.Length > 0 ? SyntaxEdits.FieldStartingWith(type, before) is null : !type.Members.OfType<FieldDeclarationSyntax>().Any())
                continue;

            string where = before.Length > 0 ? $"before '{before}'" : "at the end";
            context.RegisterCodeFix(CodeAction.Create(
                $"Declare {size} bytes of explicit padding {where}",
                ct => InsertAsync(context.Document, type, before, offset, size, ct),
                equivalenceKey: "ExplicitPadding"), diagnostic);
        }
    }

    private static async Task<Document> InsertAsync(Document document, TypeDeclarationSyntax type, string before, int offset, int size, CancellationToken ct)
    {
        var text = await document.GetTextAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var taken = new HashSet<string>(model?.GetDeclaredSymbol(type, ct) is INamedTypeSymbol symbol
            ? symbol.GetMembers().Select(m => m.Name)
            : type.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables).Select(v => v.Identifier.ValueText));

        SyntaxNode anchor = before.Length > 0 ? SyntaxEdits.FieldStartingWith(type, before)! : type.Members.OfType<FieldDeclarationSyntax>().Last();
        TextChange insertion;
        bool needsUnsafe;
        if (SyntaxEdits.OnItsOwnLine(text, anchor))
        {
            var (lines, unsafeLines) = SyntaxEdits.PaddingLines(offset, size, SyntaxEdits.IndentationOf(text, anchor), SyntaxEdits.NewLineOf(text), taken);
            needsUnsafe = unsafeLines;
            int at = before.Length > 0 ? SyntaxEdits.LineStart(text, anchor) : SyntaxEdits.AfterLine(text, anchor);
            insertion = new TextChange(new TextSpan(at, 0), lines);
        }
        else
        {
            // A struct written on one line (as README writes them): the padding goes beside the member, inside the body.
            var (members, unsafeMembers) = SyntaxEdits.PaddingLines(offset, size, "", " ", taken);
            needsUnsafe = unsafeMembers;
            insertion = before.Length > 0
                ? new TextChange(new TextSpan(anchor.SpanStart, 0), members)
                : new TextChange(new TextSpan(anchor.Span.End, 0), " " + members.TrimEnd());
        }

        var changes = new List<TextChange> { insertion };
        if (needsUnsafe && SyntaxEdits.MakeUnsafe(type) is { } makeUnsafe)
            changes.Add(makeUnsafe);
        return await SyntaxEdits.ApplyAsync(document, changes, ct).ConfigureAwait(false);
    }
}

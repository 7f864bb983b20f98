using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IoctlSharp.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IoctlSharp.CodeFixes;

/// <summary>ISH120: declares a bool member as byte (C's __u8), as the vboxguest review asks of a hardware ABI.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BoolFieldCodeFixProvider)), Shared]
public sealed class BoolFieldCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.BoolField.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var declarator = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().FirstOrDefault();
            if (declarator?.Parent is not VariableDeclarationSyntax declaration)
                continue;
            context.RegisterCodeFix(CodeAction.Create(
                $"Declare '{declarator.Identifier.ValueText}' as byte (__u8)",
                ct => ReplaceAsync(context.Document, declaration.Type, ct),
                equivalenceKey: Descriptors.BoolField.Id), diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, TypeSyntax type, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var replacement = SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ByteKeyword)).WithTriviaFrom(type);
        return document.WithSyntaxRoot(root!.ReplaceNode(type, replacement));
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace IoctlSharp.CodeFixes;

/// <summary>
/// Text-level edits shared by the fixes. They insert or rewrite whole lines and argument lists as a person would
/// type them, so the result reads like the surrounding code without a formatting pass.
/// </summary>
internal static class SyntaxEdits
{
    public static int? IntProperty(Diagnostic diagnostic, string name)
        => diagnostic.Properties.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value : null;

    public static string? StringProperty(Diagnostic diagnostic, string name)
        => diagnostic.Properties.TryGetValue(name, out var text) ? text : null;

    /// <summary>The struct declaration (in this document) the diagnostic is in or on.</summary>
    public static TypeDeclarationSyntax? TypeAt(SyntaxNode root, TextSpan span)
        => root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();

    /// <summary>The field declaration whose only (or first) variable is <paramref name="name"/>.</summary>
    public static BaseFieldDeclarationSyntax? FieldStartingWith(TypeDeclarationSyntax type, string name)
        => type.Members.OfType<FieldDeclarationSyntax>()
            .FirstOrDefault(f => f.Declaration.Variables.Count > 0 && f.Declaration.Variables[0].Identifier.ValueText == name);

    /// <summary>The whitespace that starts the line <paramref name="node"/> starts on.</summary>
    public static string IndentationOf(SourceText text, SyntaxNode node)
    {
        var line = text.Lines.GetLineFromPosition(node.SpanStart);
        int i = line.Start;
        while (i < node.SpanStart && char.IsWhiteSpace(text[i]))
            i++;
        return text.ToString(TextSpan.FromBounds(line.Start, i));
    }

    /// <summary>True when nothing but white space shares <paramref name="node"/>'s lines.</summary>
    public static bool OnItsOwnLine(SourceText text, SyntaxNode node)
    {
        var first = text.Lines.GetLineFromPosition(node.SpanStart);
        var last = text.Lines.GetLineFromPosition(node.Span.End);
        return string.IsNullOrWhiteSpace(text.ToString(TextSpan.FromBounds(first.Start, node.SpanStart)))
               && string.IsNullOrWhiteSpace(text.ToString(TextSpan.FromBounds(node.Span.End, last.End)));
    }

    /// <summary>Where a new line goes before <paramref name="node"/>: the start of its line (its leading trivia stays with it).</summary>
    public static int LineStart(SourceText text, SyntaxNode node) => text.Lines.GetLineFromPosition(node.SpanStart).Start;

    /// <summary>Where a new line goes after <paramref name="node"/>: the start of the next line.</summary>
    public static int AfterLine(SourceText text, SyntaxNode node) => text.Lines.GetLineFromPosition(node.Span.End).EndIncludingLineBreak;

    /// <summary>
    /// Explicit padding for <paramref name="size"/> bytes starting at <paramref name="offset"/>, one member per line:
    /// the widest of <c>uint</c>, <c>ushort</c> and <c>byte</c> that is aligned there (never a 64-bit member, whose
    /// alignment differs between ABIs), or one <c>fixed byte</c> array for a hole longer than 16 bytes.
    /// </summary>
    public static (string Text, bool NeedsUnsafe) PaddingLines(int offset, int size, string indent, string newLine, ISet<string> taken)
    {
        var sb = new StringBuilder();
        if (size > 16)
        {
            sb.Append(indent).Append("public fixed byte ").Append(FreeName(offset, taken)).Append('[').Append(size.ToString(CultureInfo.InvariantCulture)).Append("];").Append(newLine);
            return (sb.ToString(), true);
        }

        int at = offset, end = offset + size;
        while (at < end)
        {
            int width = at % 4 == 0 && end - at >= 4 ? 4 : at % 2 == 0 && end - at >= 2 ? 2 : 1;
            string type = width switch { 4 => "uint", 2 => "ushort", _ => "byte" };
            sb.Append(indent).Append("public ").Append(type).Append(' ').Append(FreeName(at, taken)).Append(';').Append(newLine);
            at += width;
        }

        return (sb.ToString(), false);
    }

    private static string FreeName(int offset, ISet<string> taken)
    {
        string name = "Padding" + offset.ToString(CultureInfo.InvariantCulture);
        for (int k = 2; taken.Contains(name); k++)
            name = "Padding" + offset.ToString(CultureInfo.InvariantCulture) + "_" + k.ToString(CultureInfo.InvariantCulture);
        taken.Add(name);
        return name;
    }

    public static string NewLineOf(SourceText text)
    {
        string s = text.ToString();
        return s.Contains("\r\n") ? "\r\n" : "\n";
    }

    /// <summary>The [AbiStruct]/[AbiUnion] attribute on this declaration, bound through the semantic model.</summary>
    public static async Task<AttributeSyntax?> AbiAttributeAsync(Document document, TypeDeclarationSyntax type, CancellationToken ct)
    {
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (model is null)
            return null;
        foreach (var attribute in type.AttributeLists.SelectMany(l => l.Attributes))
        {
            var name = model.GetTypeInfo(attribute, ct).Type?.ToDisplayString()
                       ?? (model.GetSymbolInfo(attribute, ct).Symbol as IMethodSymbol)?.ContainingType.ToDisplayString();
            if (name is "IoctlSharp.AbiStructAttribute" or "IoctlSharp.AbiUnionAttribute")
                return attribute;
        }

        return null;
    }

    /// <summary>
    /// The attribute rewritten with the named arguments <paramref name="set"/> (in place where they exist, appended
    /// where they don't) and without those in <paramref name="remove"/>; every other argument keeps its text.
    /// </summary>
    public static string RewriteNamedArguments(AttributeSyntax attribute, IReadOnlyList<(string Name, string Value)> set, IEnumerable<string> remove)
    {
        var removed = new HashSet<string>(remove);
        var pending = set.ToList();
        var arguments = new List<string>();
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            string? name = argument.NameEquals?.Name.Identifier.ValueText;
            int replace = name is null ? -1 : pending.FindIndex(p => p.Name == name);
            if (replace >= 0)
            {
                arguments.Add($"{name} = {pending[replace].Value}");
                pending.RemoveAt(replace);
            }
            else if (name is null || !removed.Contains(name))
            {
                arguments.Add(argument.ToString());
            }
        }

        arguments.AddRange(pending.Select(p => $"{p.Name} = {p.Value}"));
        return attribute.Name + (arguments.Count == 0 ? "" : "(" + string.Join(", ", arguments) + ")");
    }

    public static async Task<Document> ApplyAsync(Document document, IEnumerable<TextChange> changes, CancellationToken ct)
    {
        var text = await document.GetTextAsync(ct).ConfigureAwait(false);
        return document.WithText(text.WithChanges(changes));
    }

    /// <summary>The change that adds <c>unsafe</c> to a type that needs it for a fixed buffer; null if it has it.</summary>
    public static TextChange? MakeUnsafe(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.UnsafeKeyword))
            return null;
        var partial = type.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.PartialKeyword));
        int at = partial.IsKind(SyntaxKind.PartialKeyword) ? partial.SpanStart : type.Keyword.SpanStart;
        return new TextChange(new TextSpan(at, 0), "unsafe ");
    }
}

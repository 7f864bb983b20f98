using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace IoctlSharp.Generators.Rendering;

/// <summary>
/// How C# source spells a name, a string or a number. Every user-supplied text that reaches generated code goes
/// through here, so no name, <c>Name</c> or <c>CName</c> can break out of an identifier, a literal or a comment.
/// </summary>
internal static class CSharpText
{
    /// <summary>The C# keyword of a fixed-width integer (a typedef's type on a target).</summary>
    public static string IntegerKeyword(Model.ScalarKind kind) => kind switch
    {
        Model.ScalarKind.U8 => "byte",
        Model.ScalarKind.S8 => "sbyte",
        Model.ScalarKind.U16 => "ushort",
        Model.ScalarKind.S16 => "short",
        Model.ScalarKind.U32 => "uint",
        Model.ScalarKind.S32 => "int",
        Model.ScalarKind.U64 => "ulong",
        Model.ScalarKind.S64 => "long",
        _ => throw new System.InvalidOperationException($"{kind} is not a fixed-width integer"),
    };

    /// <summary>An identifier as C# source must spell it: <c>@base</c> for a member named <c>base</c>.</summary>
    public static string Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A regular string literal holding exactly <paramref name="value"/>.</summary>
    public static string StringLiteral(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (NeedsEscape(c))
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Text safe inside a <c>//</c> comment: every kind of line break and control character shown as <c>\uXXXX</c>.</summary>
    public static string LineComment(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (NeedsEscape(c))
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Text safe inside an XML doc comment: <see cref="LineComment"/>, with XML's special characters escaped.</summary>
    public static string Comment(string value)
        => LineComment(value).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A decimal integer, whatever the culture.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool NeedsEscape(char c)
        => char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029';
}

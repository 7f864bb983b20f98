using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace IoctlSharp.Generators.Tests.Verifiers;

/// <summary>
/// Source with expected diagnostic spans marked in it: <c>{|ISH120:Flag|}</c> expects ISH120 exactly on
/// <c>Flag</c>; <c>[|Flag|]</c> expects the verifier's default ID there. Marks may nest.
/// </summary>
internal sealed record Markup(string Source, IReadOnlyList<(string Id, TextSpan Span)> Spans)
{
    public static Markup Parse(string markup, string? defaultId = null)
    {
        var source = new StringBuilder(markup.Length);
        var spans = new List<(string Id, TextSpan Span)>();
        var open = new Stack<(string Id, int Start, char Close)>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "{|"))
            {
                int colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                    throw new FormatException("'{|' without 'ID:' at " + i);
                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length, '}'));
                i = colon;
            }
            else if (Starts(markup, i, "[|"))
            {
                open.Push((defaultId ?? throw new FormatException("[|...|] needs a default ID"), source.Length, ']'));
                i++;
            }
            else if (open.Count > 0 && (Starts(markup, i, "|}") || Starts(markup, i, "|]")) && markup[i + 1] == open.Peek().Close)
            {
                var (id, start, _) = open.Pop();
                spans.Add((id, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        if (open.Count > 0)
            throw new FormatException($"Unclosed mark for {open.Peek().Id}");
        return new Markup(source.ToString(), spans);
    }

    private static bool Starts(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;
}

using System;
using System.Collections.Generic;

namespace IoctlSharp.Generators.Abi;

/// <summary>
/// The C constant expression of an <c>[AbiLength]</c>: integers, <c>+ - * /</c>, parentheses and
/// <c>sizeof(type)</c>, parsed once and evaluated per target. Nothing else of C (macros, casts, <c>sizeof</c> of
/// a struct) is accepted: the parser reports what is not as ISH154 or ISH150.
/// </summary>
internal sealed class LengthExpression
{
    private readonly Func<Func<string, long>, long> _evaluate;

    private LengthExpression(Func<Func<string, long>, long> evaluate, IReadOnlyList<string> types)
    {
        _evaluate = evaluate;
        Types = types;
    }

    /// <summary>The type names inside <c>sizeof(...)</c>, normalised (<c>unsigned long</c>, <c>void *</c>).</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>The value, with <paramref name="sizeOf"/> giving each <see cref="Types"/> name's size; throws <see cref="OverflowException"/> or <see cref="DivideByZeroException"/>.</summary>
    public long Evaluate(Func<string, long> sizeOf) => _evaluate(sizeOf);

    /// <summary>Parses <paramref name="text"/>, or returns null with the reason.</summary>
    public static LengthExpression? Parse(string text, out string? error)
    {
        var p = new ExpressionParser(text);
        try
        {
            var e = p.Sum();
            p.SkipSpace();
            if (p.Position < text.Length)
                throw new FormatException($"unexpected '{text[p.Position]}' at position {p.Position + 1}");
            error = null;
            return new LengthExpression(e, p.Types);
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private sealed class ExpressionParser
    {
        private readonly string _text;

        public ExpressionParser(string text) => _text = text;

        public int Position;
        public readonly List<string> Types = new();

        public void SkipSpace()
        {
            while (Position < _text.Length && char.IsWhiteSpace(_text[Position])) Position++;
        }

        private bool Take(char c)
        {
            SkipSpace();
            if (Position < _text.Length && _text[Position] == c)
            {
                Position++;
                return true;
            }

            return false;
        }

        public Func<Func<string, long>, long> Sum()
        {
            var left = Product();
            while (true)
            {
                if (Take('+')) { var (l, r) = (left, Product()); left = s => checked(l(s) + r(s)); }
                else if (Take('-')) { var (l, r) = (left, Product()); left = s => checked(l(s) - r(s)); }
                else return left;
            }
        }

        private Func<Func<string, long>, long> Product()
        {
            var left = Factor();
            while (true)
            {
                if (Take('*')) { var (l, r) = (left, Factor()); left = s => checked(l(s) * r(s)); }
                else if (Take('/')) { var (l, r) = (left, Factor()); left = s => l(s) / r(s); } // C truncates toward zero, as C# does
                else return left;
            }
        }

        private Func<Func<string, long>, long> Factor()
        {
            SkipSpace();
            if (Position >= _text.Length)
                throw new FormatException("the expression ends where a number, 'sizeof(...)' or '(' was expected");
            if (Take('('))
            {
                var inner = Sum();
                if (!Take(')'))
                    throw new FormatException($"')' expected at position {Position + 1}");
                return inner;
            }

            if (Take('-'))
            {
                var operand = Factor();
                return s => checked(-operand(s));
            }

            char c = _text[Position];
            if (char.IsDigit(c))
            {
                int start = Position;
                while (Position < _text.Length && char.IsDigit(_text[Position])) Position++;
                if (Position < _text.Length && (char.IsLetter(_text[Position]) || _text[Position] == '_'))
                    throw new FormatException($"'{_text.Substring(start, Position - start + 1)}': only decimal integers without a suffix are numbers here");
                if (!long.TryParse(_text.Substring(start, Position - start), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value))
                    throw new FormatException($"'{_text.Substring(start, Position - start)}' is too large");
                return _ => value;
            }

            string word = Word();
            if (word != "sizeof")
                throw new FormatException(word.Length == 0 ? $"unexpected '{c}' at position {Position + 1}"
                    : $"'{word}' is not a number or 'sizeof': write a macro's value out");
            if (!Take('('))
                throw new FormatException("'(' expected after sizeof");
            var words = new List<string>();
            while (true)
            {
                SkipSpace();
                if (Take('*')) { words.Add("*"); continue; }
                string w = Word();
                if (w.Length == 0) break;
                words.Add(w);
            }

            if (!Take(')') || words.Count == 0)
                throw new FormatException($"a type name and ')' expected in sizeof at position {Position + 1}");
            string type = string.Join(" ", words);
            Types.Add(type);
            return s => s(type);
        }

        private string Word()
        {
            SkipSpace();
            int start = Position;
            while (Position < _text.Length && (char.IsLetterOrDigit(_text[Position]) || _text[Position] == '_')) Position++;
            return _text.Substring(start, Position - start);
        }
    }
}

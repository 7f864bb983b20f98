using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace IoctlSharp.Generators.Diagnostics;

/// <summary>
/// The facts a code fix needs, carried in a diagnostic's properties so the fixes never lay anything out themselves:
/// the numbers come from the one layout engine, through the analyzer that reported the diagnostic.
/// </summary>
internal static class FixProperties
{
    /// <summary>The size on every target, when all agree (<c>ExpectedSize</c>).</summary>
    public const string Size = nameof(Size);

    /// <summary>The size on the ILP32 targets, when they agree (<c>ExpectedSize32</c>).</summary>
    public const string Size32 = nameof(Size32);

    /// <summary>The size on the LP64 targets, when they agree (<c>ExpectedSize64</c>).</summary>
    public const string Size64 = nameof(Size64);

    /// <summary>The field that explicit padding goes before; empty for the end of the struct.</summary>
    public const string InsertBefore = nameof(InsertBefore);

    /// <summary>How many bytes of explicit padding close the hole.</summary>
    public const string PaddingSize = nameof(PaddingSize);

    /// <summary>The offset the padding starts at (it names the padding fields and decides their widths).</summary>
    public const string PaddingOffset = nameof(PaddingOffset);

    /// <summary>The field that needs <c>[AbiAlign(N)]</c>; empty when the struct's own <c>Align</c> is the fix.</summary>
    public const string AlignField = nameof(AlignField);

    /// <summary>The alignment N that makes i386 agree with the other targets.</summary>
    public const string AlignTo = nameof(AlignTo);

    /// <summary>The expected sizes a declaration can state, from each target's size (ILP32 flag, size).</summary>
    public static ImmutableDictionary<string, string?> ForSizes(IEnumerable<(bool Ilp32, int Size)> sizes)
    {
        var list = sizes.ToList();
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        if (list.Select(s => s.Size).Distinct().Count() == 1)
            builder[Size] = Text(list[0].Size);
        var ilp32 = list.Where(s => s.Ilp32).Select(s => s.Size).Distinct().ToList();
        var lp64 = list.Where(s => !s.Ilp32).Select(s => s.Size).Distinct().ToList();
        if (ilp32.Count == 1)
            builder[Size32] = Text(ilp32[0]);
        if (lp64.Count == 1)
            builder[Size64] = Text(lp64[0]);
        return builder.ToImmutable();
    }

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

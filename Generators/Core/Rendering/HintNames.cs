using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using IoctlSharp.Generators.Model;

namespace IoctlSharp.Generators.Rendering;

/// <summary>
/// The one owner of generated files' names. Roslyn compares hint names without regard to case, so two types whose
/// names differ only in case (<c>FsXAttr</c> and <c>FsXattr</c>, namespaces <c>Kvm</c> and <c>kvm</c>) would
/// collide and make the generator fail (CS8785); nested types are joined with '+', so a nested type can never take
/// the name of a suffix (<c>S+Compat.g.cs</c> is not <c>S.Compat.g.cs</c>).
/// </summary>
internal static class HintNames
{
    /// <summary>Suffix of the file holding a type's 32-bit twins.</summary>
    public const string Compat = ".Compat";

    /// <summary>Suffix of the file implementing the ioctl methods of a type that is not an [IoctlGroup].</summary>
    public const string Orphans = ".Ioctls";

    /// <summary>
    /// The declaration keys (<see cref="TypeDeclaration.Key"/>) that another key equals but for case, folded to
    /// lower case and sorted: usually none, so this value, combined with every output, rarely changes.
    /// </summary>
    public static EquatableArray<string> Collisions(IEnumerable<string> keys)
        => keys.Distinct(StringComparer.Ordinal)
            .GroupBy(k => k.ToLowerInvariant(), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary>
    /// The hint name of a file generated for <paramref name="declaration"/>: its key, and when another key differs
    /// from it only in case, a signature of its letters' case, so each spelling gets its own file.
    /// </summary>
    public static string For(TypeDeclaration declaration, EquatableArray<string> collisions, string suffix = "")
    {
        string key = declaration.Key;
        string folded = key.ToLowerInvariant();
        bool collides = false;
        foreach (var c in collisions)
            collides |= c == folded;
        return key + (collides ? ".case-" + CaseSignature(key) : "") + suffix + ".g.cs";
    }

    /// <summary>One bit per letter, set for upper case, as hex: equal only for keys spelled with the same case.</summary>
    private static string CaseSignature(string key)
    {
        var sb = new StringBuilder();
        int bits = 0, count = 0;
        foreach (char c in key)
        {
            if (!char.IsLetter(c))
                continue;
            bits = (bits << 1) | (char.IsUpper(c) ? 1 : 0);
            if (++count == 4)
            {
                sb.Append("0123456789abcdef"[bits]);
                bits = count = 0;
            }
        }

        if (count > 0)
            sb.Append("0123456789abcdef"[bits << (4 - count)]);
        return sb.ToString();
    }
}

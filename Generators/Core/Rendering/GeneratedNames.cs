using System.Collections.Generic;

namespace IoctlSharp.Generators.Rendering;

/// <summary>
/// Names the generator gives to things of its own (classes, locals) where they can meet a user's names: the
/// preferred name when it is free, otherwise the first free one of <c>name_2</c>, <c>name_3</c>, ….
/// </summary>
internal static class GeneratedNames
{
    /// <summary>Takes a free name from <paramref name="taken"/> and adds it there.</summary>
    public static string Take(string preferred, HashSet<string> taken)
    {
        string name = preferred;
        for (int n = 2; !taken.Add(name); n++)
            name = preferred + "_" + CSharpText.Number(n);
        return name;
    }
}

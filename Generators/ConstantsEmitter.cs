using System.Linq;
using IoctlSharp.Generators.Model;
using IoctlSharp.Generators.Rendering;

namespace IoctlSharp.Generators;

/// <summary>
/// The generated part of an [AbiConstants] class: <c>Constants</c> (an AbiConstantTable by C name) and, per
/// constant, <c>PerTarget.&lt;Name&gt;.For(target)</c> and <c>.Native</c>. A rejected class gets the same members,
/// each throwing the first error, so that code using them compiles and the analyzer's ISH13x error is what the build shows.
/// </summary>
internal static class ConstantsEmitter
{
    private const string Runtime = "global::IoctlSharp.";

    public static string Emit(ConstantsModel model)
    {
        var d = model.Declaration;
        string self = "global::" + (d.Namespace.Length > 0 ? d.Namespace + "." : "") + string.Concat(d.Containing.Select(c => CSharpText.Identifier(c.Name) + ".")) + CSharpText.Identifier(d.Name);
        string? fail = model.Rejection is { } r
            ? $"throw new global::System.InvalidOperationException({CSharpText.StringLiteral($"{d.Name} has an error ({r.Id}): {r.Message}")})"
            : null;
        var w = Emitter.BeginFile(d);
        w.Open($"partial {d.Keyword} {CSharpText.Identifier(d.Name)}{d.TypeParameters}");
        w.Line($"/// <summary>Every constant of <see cref=\"{CSharpText.Identifier(d.Name)}\"/> by C name, with its value on each target.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        if (fail is not null)
        {
            w.Line($"public static {Runtime}AbiConstantTable Constants => {fail};");
        }
        else
        {
            w.Line($"public static {Runtime}AbiConstantTable Constants {{ get; }} = {Runtime}AbiConstantTable.Create({CSharpText.StringLiteral(model.Header)},");
            w.Indent();
            w.Open("new (string, long)[]");
            foreach (var c in model.Constants)
                w.Line($"({CSharpText.StringLiteral(c.CName)}, (long){self}.{CSharpText.Identifier(c.Member)}),");
            var perTarget = model.Constants.SelectMany(c => c.PerTarget.Select(p => (c, p))).ToList();
            w.Close(perTarget.Count == 0 ? ");" : ",");
            for (int i = 0; i < perTarget.Count; i++)
            {
                var (c, p) = perTarget[i];
                w.Line($"({Runtime}AbiTarget.{p.Target}, {CSharpText.StringLiteral(c.CName)}, {p.Value}L){(i == perTarget.Count - 1 ? ");" : ",")}");
            }

            w.Outdent();
        }

        w.Line();
        w.Line("/// <summary>Each constant's value on a given target (<c>For</c>) and on the running process's (<c>Native</c>).</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open("public static class PerTarget");
        foreach (var c in model.Constants)
        {
            string member = CSharpText.Identifier(c.Member);
            w.Line($"/// <summary><c>{CSharpText.Comment(c.CName)}</c> (<see cref=\"{self.Substring("global::".Length)}.{member}\"/>) by target.</summary>");
            w.Open($"public static class {member}");
            w.Line($"/// <summary>The value on <paramref name=\"target\"/>.</summary>");
            if (fail is not null)
            {
                w.Line($"public static {c.Type} For({Runtime}AbiTarget target) => {fail};");
            }
            else if (c.PerTarget.Count == 0)
            {
                w.Line($"public static {c.Type} For({Runtime}AbiTarget target) => (uint)target < (uint){Runtime}AbiTargets.All.Length ? {self}.{member} : throw {Runtime}AbiTargets.NotGenerated(target);");
            }
            else
            {
                w.Open($"public static {c.Type} For({Runtime}AbiTarget target) => target switch");
                foreach (var group in c.PerTarget.GroupBy(p => p.Value))
                    w.Line($"{string.Join(" or ", group.Select(p => Runtime + "AbiTarget." + p.Target))} => unchecked(({c.Type}){group.Key}L),");
                w.Line($"_ => (uint)target < (uint){Runtime}AbiTargets.All.Length ? {self}.{member} : throw {Runtime}AbiTargets.NotGenerated(target),");
                w.Close(";");
            }

            w.Line($"/// <summary>The value on the running process's target.</summary>");
            w.Line($"public static {c.Type} Native => For({Runtime}AbiTargets.RequireCurrent());");
            w.Close();
        }

        w.Close();
        w.Close();
        return Emitter.EndFile(w, d);
    }
}

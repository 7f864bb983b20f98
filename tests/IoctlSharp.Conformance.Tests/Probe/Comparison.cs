using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace IoctlSharp.Conformance.Tests.Probe;

/// <summary>Compares C compiler values with IoctlSharp's and describes every difference at once.</summary>
public static class Comparison
{
    /// <summary>The keys of probe.keys that exist on <paramref name="target"/>, in array order.</summary>
    public static List<string> KeysOn(AbiTarget target)
        => ProbeFiles.ReadKeys().Where(k => ProbeModel.Exists(k.Guard, target)).Select(k => k.Key).ToList();

    /// <summary>Returns null when every value agrees, else a report of every mismatch and every problem.</summary>
    public static string? Compare(AbiTarget target, IReadOnlyList<(string Key, uint Value)> c, string cSource, out int compared)
    {
        var problems = new List<string>();
        var mismatches = new List<(string Key, uint C, uint Ours, ProbeEntry Entry)>();
        compared = 0;
        foreach (var (key, value) in c)
        {
            if (!ProbeModel.ByKey.TryGetValue(key, out var entry))
            {
                problems.Add($"  {key}: no such value in the C# declarations (probe files stale? IOCTLSHARP_UPDATE_SNAPSHOTS=1 rewrites them)");
                continue;
            }

            uint ours;
            try
            {
                ours = entry.Compute(target);
            }
            catch (Exception e)
            {
                var inner = e is System.Reflection.TargetInvocationException { InnerException: { } ie } ? ie : e;
                problems.Add($"  {key}: IoctlSharp threw {inner.GetType().Name}: {inner.Message}");
                continue;
            }

            compared++;
            if (ours != value)
                mismatches.Add((key, value, ours, entry));
        }

        var expectedKeys = ProbeModel.Entries.Where(e => ProbeModel.Exists(e.Guard, target)).Select(e => e.Key).ToHashSet();
        var missing = expectedKeys.Except(c.Select(x => x.Key)).ToList();
        if (missing.Count > 0)
            problems.Add($"  {missing.Count} value(s) of the C# declarations are not in {cSource} (stale? IOCTLSHARP_UPDATE_SNAPSHOTS=1 / cross/generate.sh): "
                         + string.Join(", ", missing.Take(10)) + (missing.Count > 10 ? ", ..." : ""));

        if (mismatches.Count == 0 && problems.Count == 0)
            return null;

        var sb = new StringBuilder();
        sb.Append($"{target.CName()}: {mismatches.Count} of {compared} values differ between {cSource} and IoctlSharp");
        if (problems.Count > 0) sb.Append($", and {problems.Count} problem(s)");
        sb.Append(":\n");
        if (mismatches.Count > 0)
        {
            int width = Math.Min(90, mismatches.Max(m => m.Key.Length));
            sb.Append("  ").Append("key".PadRight(width)).Append("  ").Append("gcc".PadLeft(12)).Append("  ").Append("IoctlSharp".PadLeft(12)).Append("  C# declaration\n");
            foreach (var m in mismatches)
            {
                sb.Append("  ").Append(m.Key.PadRight(width)).Append("  ")
                    .Append(Format(m.C, m.Entry.Kind).PadLeft(12)).Append("  ")
                    .Append(Format(m.Ours, m.Entry.Kind).PadLeft(12)).Append("  ")
                    .Append(m.Entry.Declaration).Append('\n');
            }
        }

        foreach (var p in problems)
            sb.Append(p).Append('\n');
        return sb.ToString();
    }

    private static string Format(uint value, string kind) => kind switch
    {
        "request" => $"0x{value:X8}",
        "constant" when value == ProbeModel.Undefined => "undefined",
        "constant" => $"0x{value:X}",
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

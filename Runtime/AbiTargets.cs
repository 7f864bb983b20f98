using System;
using System.Runtime.InteropServices;

namespace IoctlSharp;

/// <summary>Facts about <see cref="AbiTarget"/> values (the rows of docs/targets.md).</summary>
public static class AbiTargets
{
    private static readonly AbiTarget[] s_all = Array.ConvertAll(AbiTargetRow.All, r => r.Target);

    /// <summary>Every target, in declaration order.</summary>
    public static ReadOnlySpan<AbiTarget> All => s_all;

    /// <summary>
    /// The running process's target, or null when .NET runs on an architecture IoctlSharp has no row for
    /// (loongarch64 today: no cross compiler here checks it). A null is never guessed into a layout:
    /// <see cref="RequireCurrent"/> and every generated wrapper throw instead.
    /// </summary>
    public static AbiTarget? Current { get; } = ForArchitecture(RuntimeInformation.ProcessArchitecture);

    /// <summary>
    /// The target whose ABI processes of <paramref name="architecture"/> have (linux-x64 is x86_64, linux-arm and
    /// linux-armv6 are arm32, the musl forms the same as the glibc ones: the kernel's ABI does not depend on the C
    /// library); null when no row has it.
    /// </summary>
    public static AbiTarget? ForArchitecture(Architecture architecture)
    {
        // By name: Architecture values added after net8.0 (RiscV64 in .NET 9) still name themselves at run time.
        string name = architecture.ToString().ToLowerInvariant();
        foreach (var row in AbiTargetRow.All)
            foreach (var rid in row.Rids.Split(','))
                if (rid.Length > 0 && rid == name)
                    return row.Target;
        return null;
    }

    /// <summary>The running process's target; throws <see cref="PlatformNotSupportedException"/> naming the architecture where there is none.</summary>
    public static AbiTarget RequireCurrent() => Current ?? throw new PlatformNotSupportedException(
        $"IoctlSharp has no target ABI row for process architecture {RuntimeInformation.ProcessArchitecture}: "
        + "no layout or request number is computed for it (see docs/targets.md).");

    /// <summary>True for the ILP32 targets, whose pointers and C long are 4 bytes.</summary>
    public static bool IsIlp32(this AbiTarget target) => Row(target).PointerSize == 4;

    /// <summary>True where multi-byte values are stored most significant byte first.</summary>
    public static bool IsBigEndian(this AbiTarget target) => Row(target).BigEndian;

    /// <summary>The C name of the target, as in the generated comments.</summary>
    public static string CName(this AbiTarget target) => Row(target).Name;

    /// <summary>Parses a C name (<c>x86_64</c>, <c>mipsn32el</c>), as <c>IoctlSharpTargets</c> spells targets.</summary>
    public static bool TryParse(string name, out AbiTarget target)
    {
        foreach (var row in AbiTargetRow.All)
            if (string.Equals(row.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                target = row.Target;
                return true;
            }

        target = default;
        return false;
    }

    /// <summary>
    /// The exception a generated request class throws for a target it has no number for: out of range for a value
    /// that is no target, otherwise <see cref="NotSupportedException"/> naming the MSBuild property that adds it.
    /// </summary>
    public static Exception NotGenerated(AbiTarget target)
        => (uint)target >= (uint)AbiTargetRow.All.Length
            ? new ArgumentOutOfRangeException(nameof(target), target, "not an AbiTarget value")
            : new NotSupportedException($"No request numbers were generated for {target.CName()}: add it to the project's "
                + $"IoctlSharpTargets MSBuild property (for example <IoctlSharpTargets>default;{target.CName()}</IoctlSharpTargets>).");

    private static AbiTargetRow Row(AbiTarget target)
        => (uint)target < (uint)AbiTargetRow.All.Length ? AbiTargetRow.All[(int)target] : throw new ArgumentOutOfRangeException(nameof(target));
}

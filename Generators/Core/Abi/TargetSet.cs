using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace IoctlSharp.Generators.Abi;

/// <summary>
/// The targets a project has generated code for: their constants, twins and request numbers, and the targets its
/// ExpectedSize checks hold on. From the MSBuild property <c>IoctlSharpTargets</c>: empty or <c>default</c> for
/// the targets .NET runs on and their 32-bit compat peers, <c>all</c> for every row, or C names
/// (<c>default;mips32;x32</c>), separated by <c>;</c>, <c>,</c> or spaces. The layout engine and the run-time
/// <c>AbiLayout.Of</c> know every target whatever the set.
/// </summary>
internal sealed class TargetSet : IEquatable<TargetSet>
{
    /// <summary>The MSBuild property, as analyzers and generators see it.</summary>
    public const string Property = "build_property.IoctlSharpTargets";

    private readonly ulong _mask;

    private TargetSet(ulong mask, ImmutableArray<string> unknown)
    {
        _mask = mask;
        Unknown = unknown;
        Targets = TargetAbi.All.Where(t => (mask & Bit(t)) != 0).ToImmutableArray();
    }

    /// <summary>The chosen targets, in <see cref="Target"/> order.</summary>
    public ImmutableArray<TargetAbi> Targets { get; }

    /// <summary>Names in the property that are no target (ISH125); they are left out of the set.</summary>
    public ImmutableArray<string> Unknown { get; }

    public static readonly TargetSet Default = new(Mask(TargetAbi.All.Where(t => t.EmittedByDefault)), ImmutableArray<string>.Empty);

    public static readonly TargetSet All = new(Mask(TargetAbi.All), ImmutableArray<string>.Empty);

    public bool Contains(TargetAbi target) => (_mask & Bit(target)) != 0;

    /// <summary>The chosen targets that get 32-bit twins.</summary>
    public IEnumerable<TargetAbi> Twins => Targets.Where(t => t.HasTwin);

    public static TargetSet Parse(string? value)
    {
        if (value is null || value.Trim().Length == 0)
            return Default;
        ulong mask = 0;
        var unknown = ImmutableArray.CreateBuilder<string>();
        foreach (var part in value.Split(new[] { ';', ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals("default", StringComparison.OrdinalIgnoreCase))
                mask |= Default._mask;
            else if (part.Equals("all", StringComparison.OrdinalIgnoreCase))
                mask |= All._mask;
            else if (TargetAbi.All.FirstOrDefault(t => t.Name.Equals(part, StringComparison.OrdinalIgnoreCase)) is { } target)
                mask |= Bit(target);
            else if (!unknown.Contains(part))
                unknown.Add(part);
        }

        return mask == Default._mask && unknown.Count == 0 ? Default : new TargetSet(mask, unknown.ToImmutable());
    }

    private static ulong Bit(TargetAbi target) => 1UL << (int)target.Target;

    private static ulong Mask(IEnumerable<TargetAbi> targets) => targets.Aggregate(0UL, (m, t) => m | Bit(t));

    public bool Equals(TargetSet? other) => other is not null && other._mask == _mask && other.Unknown.SequenceEqual(Unknown);

    public override bool Equals(object? obj) => Equals(obj as TargetSet);

    public override int GetHashCode() => _mask.GetHashCode();

    public override string ToString() => string.Join(";", Targets.Select(t => t.Name));
}

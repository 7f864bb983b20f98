using System.Collections.Immutable;
using System.Linq;
using IoctlSharp.Generators.Model;

namespace IoctlSharp.Generators.Abi;

/// <summary>
/// Which 32-bit twins a declaration gets and whether the conversions to them can be generated. Decided from the
/// layout engine's results only (no layout rule lives here), and shared by the generator and the analyzer.
/// </summary>
internal static class CompatPlan
{
    /// <summary>The layout twins are converted to and from: the declaration's own (x86_64 and aarch64 agree).</summary>
    public static readonly TargetAbi Native = TargetAbi.X86_64;

    /// <summary>True when some member, at some depth, has another offset or size on <paramref name="target"/> than natively, or the whole has another size.</summary>
    public static bool Differs(AggregateModel model, TargetAbi target)
        => !SameBytes(LayoutEngine.Layout(model, target), LayoutEngine.Layout(model, Native));

    /// <summary>True when a member of <paramref name="type"/> is represented differently on <paramref name="target"/>.</summary>
    public static bool Differs(AbiType type, TargetAbi target) => type.Kind switch
    {
        AbiTypeKind.Scalar => LayoutEngine.Scalar(type.Scalar, target).Size != LayoutEngine.Scalar(type.Scalar, Native).Size,
        AbiTypeKind.Array => Differs(type.Element!, target),
        _ => Differs(type.Aggregate!, target),
    };

    /// <summary>Alignment aside (a twin places every member at an explicit offset), the same bytes in the same places.</summary>
    private static bool SameBytes(AggregateLayout a, AggregateLayout b)
    {
        if (a.Size != b.Size || a.Fields.Length != b.Fields.Length) return false;
        for (int i = 0; i < a.Fields.Length; i++)
        {
            var (x, y) = (a.Fields[i], b.Fields[i]);
            if (x.Offset != y.Offset || x.Size != y.Size || x.Count != y.Count) return false;
            if (x.Nested is not null && y.Nested is not null && !SameBytes(x.Nested, y.Nested)) return false;
        }

        return a.Flexible is null || b.Flexible is null || a.Flexible.Offset == b.Flexible.Offset;
    }

    /// <summary>
    /// The first member of <paramref name="model"/> that keeps the conversions from being generated on
    /// <paramref name="target"/>: a union laid out differently there without a discriminator to say which member
    /// to translate. Null when they can be generated.
    /// </summary>
    public static FieldModel? Blocker(AggregateModel model, TargetAbi target)
    {
        foreach (var f in model.Fields)
        {
            var inner = Innermost(f.Type);
            if (inner.Aggregate is not { } nested || !Differs(nested, target))
                continue;
            bool discriminated = nested.IsUnion && !model.IsUnion && f.Type.Kind == AbiTypeKind.Aggregate && f.Compat?.Discriminator is not null;
            if (discriminated ? nested.Fields.Any(m => MemberBlocks(m, target)) : !UnionsConvertible(nested, target))
                return f;
        }

        return null;
    }

    /// <summary>A union member blocks when it is a differing aggregate that cannot be converted.</summary>
    private static bool MemberBlocks(FieldModel member, TargetAbi target)
    {
        var inner = Innermost(member.Type);
        return inner.Aggregate is { } a && Differs(a, target) && !UnionsConvertible(a, target);
    }

    /// <summary>
    /// True when conversions can be generated for the twin on <paramref name="target"/>: a struct whose members
    /// can all be converted, or a uniform union (every member of one type, such as
    /// <c>union { __u64 phys_addr; __u64 linear_addr; }</c>: every member is the same value, converted as its first).
    /// </summary>
    public static bool Convertible(AggregateModel model, TargetAbi target)
        => !HasReadOnlyMember(model, target) && UnionsConvertible(model, target);

    /// <summary>Convertible as far as its unions go (<see cref="Blocker"/>), readonly members aside.</summary>
    private static bool UnionsConvertible(AggregateModel model, TargetAbi target)
        => model.IsUnion ? IsUniform(model) && !MemberBlocks(model.Fields[0], target) : Blocker(model, target) is null;

    /// <summary>
    /// A <c>readonly</c> member, in the type or in a nested type converted member by member, cannot be assigned by a
    /// conversion, and an [InlineArray] of pointers cannot be indexed: such a type's twins are layout only.
    /// </summary>
    public static bool HasReadOnlyMember(AggregateModel model, TargetAbi target)
        => model.Fields.Any(f => f.Compat?.ReadOnly == true || IsPointerInlineArray(f)
            || (Innermost(f.Type).Aggregate is { } nested && Differs(nested, target) && HasReadOnlyMember(nested, target)));

    private static bool IsPointerInlineArray(FieldModel f)
        => f.Type.Kind == AbiTypeKind.Array && !f.IsFixedBuffer && Innermost(f.Type).Scalar == ScalarKind.Pointer;

    /// <summary>Every member of the union has the same C type.</summary>
    public static bool IsUniform(AggregateModel union) => union.Fields.All(m => m.Type == union.Fields[0].Type && m.IsFixedBuffer == union.Fields[0].IsFixedBuffer);

    /// <summary>True when widening can fail: a union discriminated at some depth, whose discriminator may hold an unknown value.</summary>
    public static bool WideningCanFail(AggregateModel model, TargetAbi target)
        => model.Fields.Any(f => Innermost(f.Type).Aggregate is { } nested && Differs(nested, target)
            && ((f.Compat?.Discriminator is not null && nested.IsUnion) || (nested.IsUnion ? nested.Fields.Any(m => Innermost(m.Type).Aggregate is { } a && WideningCanFail(a, target)) : WideningCanFail(nested, target))));

    public static AbiType Innermost(AbiType type) => type.Kind == AbiTypeKind.Array ? Innermost(type.Element!) : type;

    /// <summary>The twin's type name: the target's identifier (<c>I386</c>), unless a member is already called that.</summary>
    public static string TwinName(AggregateModel model, TargetAbi target)
        => model.Fields.Any(f => f.Name == target.Identifier) || model.Name == target.Identifier ? target.Identifier + "Twin" : target.Identifier;
}

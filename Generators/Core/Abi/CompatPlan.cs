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
        => !SameBytes(LayoutEngine.Layout(model, target), LayoutEngine.Layout(model, LayoutEngine.NetTarget(model)));

    /// <summary>
    /// True when a 32-bit peer of <paramref name="target"/> needs a twin: its layout differs, or its bytes are
    /// big-endian (x86_64's are not), so reading them needs the twin's byte-order conversion even where every
    /// member is where x86_64 puts it.
    /// </summary>
    public static bool NeedsTwin(AggregateModel model, TargetAbi target) => target.BigEndian || Differs(model, target);

    /// <summary>True when a member of <paramref name="type"/> is represented differently on <paramref name="target"/>.</summary>
    public static bool Differs(AbiType type, TargetAbi target) => type.Kind switch
    {
        AbiTypeKind.Scalar => LayoutEngine.Scalar(type.ScalarOn(target), target).Size != LayoutEngine.Scalar(type.Scalar, Native).Size
                              || type.ScalarOn(target) != type.Scalar, // a typedef: converted to its Value
        AbiTypeKind.Array => type.LengthOn(target) != type.Length || Differs(type.Element!, target),
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
            if (!x.BitFields.Select(bf => bf.BitOffset).SequenceEqual(y.BitFields.Select(bf => bf.BitOffset))) return false;
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
        => !HasReadOnlyMember(model, target) && !LengthDiffers(model, target) && UnionsConvertible(model, target) && BitFieldsCopy(model, target);

    /// <summary>
    /// An [AbiLength] array, at some depth, has another length on <paramref name="target"/> than in .NET: which
    /// elements a conversion should drop or add is the driver's business, so such a type's twins are layout only.
    /// </summary>
    public static bool LengthDiffers(AggregateModel model, TargetAbi target)
        => model.Fields.Any(f => LengthDiffers(f.Type, target));

    private static bool LengthDiffers(AbiType type, TargetAbi target) => type.Kind switch
    {
        AbiTypeKind.Array => type.LengthOn(target) != type.Length || LengthDiffers(type.Element!, target),
        AbiTypeKind.Aggregate => LengthDiffers(type.Aggregate!, target),
        _ => false,
    };


    /// <summary>
    /// A storage member converts by copying its bytes: right only when every bit-field, at every depth, has the same
    /// place in its storage on <paramref name="target"/> as natively, in the same byte order (a big-endian peer
    /// numbers bits from the other end; its twin keeps the storage's bytes as they are, with no conversion).
    /// </summary>
    public static bool BitFieldsCopy(AggregateModel model, TargetAbi target)
        => !LayoutEngine.Reachable(model).Any(m => m.Fields.Any(f => f.IsBitFieldStorage))
           || (target.BigEndian == Native.BigEndian && SameBits(LayoutEngine.Layout(model, target), LayoutEngine.Layout(model, Native)));

    private static bool SameBits(AggregateLayout a, AggregateLayout b)
    {
        for (int i = 0; i < a.Fields.Length; i++)
        {
            var (x, y) = (a.Fields[i], b.Fields[i]);
            if (!x.BitFields.Select(bf => bf.BitOffset - x.Offset * 8L).SequenceEqual(y.BitFields.Select(bf => bf.BitOffset - y.Offset * 8L))) return false;
            if (x.Nested is not null && y.Nested is not null && !SameBits(x.Nested, y.Nested)) return false;
        }

        return true;
    }

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

    /// <summary>
    /// The <c>StructLayout.Pack</c> a twin needs so that .NET's size of it is its C size wherever it is placed, or 0
    /// for none. A twin is explicit with <c>Size</c> = the C size, but .NET aligns it to its most aligned member (a
    /// u64 is 8 in .NET, 4 in an i386 struct; a packed struct is 1 in C), and an <c>[InlineArray]</c> of it steps
    /// by that alignment: a 12-byte i386 twin holding a u64 would sit 16 bytes apart. Packing the twin to its C
    /// alignment makes .NET's alignment, and so the stride, C's.
    /// </summary>
    public static int TwinPack(AggregateModel model, TargetAbi target)
    {
        int c = LayoutEngine.Layout(model, target).Align;
        return TwinMemberAlign(model, target) > c ? c : 0;
    }

    /// <summary>.NET's alignment of <paramref name="model"/>'s twin on <paramref name="target"/>: its members', capped by its <see cref="TwinPack"/>.</summary>
    private static int TwinAlign(AggregateModel model, TargetAbi target)
        => System.Math.Min(TwinMemberAlign(model, target), LayoutEngine.Layout(model, target).Align);

    /// <summary>The largest .NET alignment among the twin's members (as <c>CompatEmitter</c> types them: pointers and longs as 32-bit integers).</summary>
    private static int TwinMemberAlign(AggregateModel model, TargetAbi target)
        => model.Fields.Select(f => ClrAlign(f.Type, target)).DefaultIfEmpty(1).Max();

    private static int ClrAlign(AbiType type, TargetAbi target) => type.Kind switch
    {
        AbiTypeKind.Scalar => type.Scalar is ScalarKind.Pointer or ScalarKind.NUInt or ScalarKind.CULong or ScalarKind.NInt or ScalarKind.CLong
            ? 4
            : LayoutEngine.Scalar(type.ScalarOn(target), Native).Size,
        AbiTypeKind.Array => ClrAlign(type.Element!, target),
        _ => Differs(type.Aggregate!, target) ? TwinAlign(type.Aggregate!, target) : LayoutEngine.LayoutForClr(type.Aggregate!).Align,
    };

    public static AbiType Innermost(AbiType type) => type.Kind == AbiTypeKind.Array ? Innermost(type.Element!) : type;

    /// <summary>The twin's type name: the target's identifier (<c>I386</c>), unless a member is already called that.</summary>
    public static string TwinName(AggregateModel model, TargetAbi target)
        => model.Fields.Any(f => f.Name == target.Identifier) || model.Name == target.Identifier ? target.Identifier + "Twin" : target.Identifier;
}

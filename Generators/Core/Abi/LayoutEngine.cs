using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using IoctlSharp.Generators.Model;

namespace IoctlSharp.Generators.Abi;

/// <summary>A laid-out member.</summary>
/// <param name="Bits">A bit-field storage member's bit-fields, as gcc places them; empty otherwise (and in .NET's layout).</param>
internal sealed record FieldLayout(string Name, int Offset, int Size, int Align, int Count, AggregateLayout? Nested,
    ImmutableArray<BitFieldLayout> Bits = default)
{
    public ImmutableArray<BitFieldLayout> BitFields => Bits.IsDefault ? ImmutableArray<BitFieldLayout>.Empty : Bits;
}

/// <summary>
/// A placed bit-field: gcc's bit position from the start of the struct (on a big-endian target bit 0 is the most
/// significant bit of byte 0, elsewhere the least significant), and its width.
/// </summary>
internal sealed record BitFieldLayout(BitFieldModel Model, long BitOffset, int Width);

/// <summary>A laid-out struct or union.</summary>
internal sealed record AggregateLayout(AggregateModel Model, int Size, int Align, ImmutableArray<FieldLayout> Fields, FieldLayout? Flexible)
{
    /// <summary>True when both layouts put every member, at every depth, at the same offset with the same size.</summary>
    public bool SameShape(AggregateLayout other)
    {
        if (ReferenceEquals(this, other)) return true; // targets of one layout class share the instance
        if (Size != other.Size || Align != other.Align || Fields.Length != other.Fields.Length) return false;
        for (int i = 0; i < Fields.Length; i++)
            if (!SameField(Fields[i], other.Fields[i])) return false;
        return Flexible is null ? other.Flexible is null : other.Flexible is not null && SameField(Flexible, other.Flexible);
    }

    private static bool SameField(FieldLayout a, FieldLayout b)
        => a.Offset == b.Offset && a.Size == b.Size && a.Align == b.Align && a.Count == b.Count
           && a.BitFields.Select(x => x.BitOffset).SequenceEqual(b.BitFields.Select(x => x.BitOffset))
           && (a.Nested is null ? b.Nested is null : b.Nested is not null && a.Nested.SameShape(b.Nested));
}

/// <summary>
/// The one ABI layout engine: C struct and union layout as gcc computes it for each target, used by the
/// generator, the analyzers and the code fixes alike.
/// </summary>
/// <remarks>
/// Rules (System V psABIs and the Arm, RISC-V, Power and MIPS o32 ABIs, as gcc implements them):
/// a member's alignment is its type's natural alignment, capped by the struct's <c>#pragma pack(N)</c> or set to
/// 1 by <c>packed</c> (on the struct or the member), then raised by the member's <c>aligned(N)</c> (which
/// <c>#pragma pack</c> caps too); it is
/// placed at the next multiple of that alignment; a union puts every member at 0; the struct's alignment is the
/// largest member alignment, raised by its own <c>aligned(N)</c>; its size is rounded up to its alignment.
/// A flexible array member is placed like a member but adds no size.
/// </remarks>
internal static class LayoutEngine
{
    /// <summary>Structs nested deeper than this are rejected rather than laid out (and can't overflow the stack).</summary>
    public const int MaxDepth = 64;

    public static AggregateLayout Layout(AggregateModel model, TargetAbi target) => Layout(model, new Rules(target, clr: false), 0);

    /// <summary>
    /// The layout .NET gives the C# declaration on a 64-bit process, with <c>[StructLayout(Pack, Size)]</c> as the
    /// generator emits them: .NET honours natural alignment and Pack, but not member <c>aligned</c>/<c>packed</c>,
    /// the struct's own <c>aligned</c> or a flexible array.
    /// </summary>
    public static AggregateLayout LayoutForClr(AggregateModel model) => Layout(model, new Rules(TargetAbi.X86_64, clr: true), 0);

    /// <summary>The size and alignment of <paramref name="type"/> on <paramref name="target"/>.</summary>
    public static (int Size, int Align) SizeOf(AbiType type, TargetAbi target) => SizeOf(type, new Rules(target, clr: false), 0);

    /// <summary>
    /// The <c>StructLayout.Size</c> the generator emits: the C size on x86_64 when .NET's natural size is smaller
    /// (tail padding from a flexible array or the struct's own alignment), else 0 (none).
    /// </summary>
    public static int ClrSizeToRequest(AggregateModel model)
    {
        var rules = new Rules(TargetAbi.X86_64, clr: true);
        long natural = NaturalClrSize(model, rules, 0);
        int c = Layout(model, NetTarget(model)).Size;
        return c > natural ? c : 0;
    }

    /// <summary>
    /// The target whose C layout .NET's layout of the declaration stands for: x86_64, unless a per-target typedef's
    /// Value or an [AbiLength] array's length is aarch64's and not x86_64's (then aarch64).
    /// </summary>
    public static TargetAbi NetTarget(AggregateModel model)
    {
        if (!model.TargetDependent) return TargetAbi.X86_64;
        foreach (var t in TargetAbi.Native64)
            if (!model.NetViewDiffers(t)) return t;
        return TargetAbi.X86_64;
    }

    private static long NaturalClrSize(AggregateModel model, Rules rules, int depth)
    {
        var layout = Layout(model, rules, depth, applyRequestedSize: false);
        return layout.Size;
    }

    private readonly struct Rules
    {
        public Rules(TargetAbi target, bool clr)
        {
            Target = target;
            Clr = clr;
        }

        public TargetAbi Target { get; }
        public bool Clr { get; }
    }

    /// <summary>
    /// Layouts already computed, per model instance (models are immutable, and the parser shares one instance per
    /// nested type): a struct nested many times, or checked at every level of a deep nest, is laid out once.
    /// </summary>
    private static readonly ConditionalWeakTable<AggregateModel, AggregateLayout?[]> s_cache = new();

    private static AggregateLayout Layout(AggregateModel model, Rules rules, int depth, bool applyRequestedSize = true)
    {
        if (depth > MaxDepth)
            throw new LayoutException($"{model.Name} nests more than {MaxDepth} structs deep.");
        // One slot per layout class, not per target: targets with the same facts lay every struct out alike; a
        // struct holding a per-target typedef or an [AbiLength] array (rare) gets a slot per target.
        var slots = s_cache.GetValue(model, static m => new AggregateLayout?[(m.TargetDependent ? TargetAbi.All.Length : TargetAbi.LayoutClasses) * 3]);
        int row = slots.Length == TargetAbi.LayoutClasses * 3 ? rules.Target.LayoutClass : (int)rules.Target.Target;
        int slot = row * 3 + (!rules.Clr ? 0 : applyRequestedSize ? 2 : 1);
        return slots[slot] ??= Compute(model, rules, depth, applyRequestedSize);
    }

    private static AggregateLayout Compute(AggregateModel model, Rules rules, int depth, bool applyRequestedSize)
    {

        var fields = ImmutableArray.CreateBuilder<FieldLayout>(model.Fields.Count);
        long offset = 0, size = 0, bits = 0;
        int align = 1;
        foreach (var field in model.Fields)
        {
            if (field.IsBitFieldStorage && !rules.Clr && !model.IsUnion)
            {
                fields.Add(PlaceBitFields(field, model, rules.Target, ref bits, ref align));
                offset = (bits + 7) / 8;
                continue;
            }

            offset = Math.Max(offset, (bits + 7) / 8);
            var placed = Place(field, model, rules, depth, ref offset, ref size, ref align, isFlexible: false);
            bits = offset * 8;
            fields.Add(placed);
        }

        FieldLayout? flexible = null;
        if (model.Flexible is { } flex && !model.IsUnion)
        {
            long flexOffset = offset;
            long ignoredSize = size;
            int flexAlign = align;
            flexible = Place(flex, model, rules, depth, ref flexOffset, ref ignoredSize, ref flexAlign, isFlexible: true);
            if (!rules.Clr)
                align = flexAlign;
        }

        if (model.Align > 0 && !rules.Clr)
            align = Math.Max(align, model.Align);
        long total = RoundUp(model.IsUnion ? size : offset, align);
        if (rules.Clr && applyRequestedSize)
        {
            // The generator emits StructLayout.Size = the x86_64 (NetTarget) C size whenever .NET's natural size is smaller.
            long c = Layout(model, new Rules(NetTarget(model), clr: false), depth).Size;
            total = Math.Max(total, c);
        }
        if (total > int.MaxValue)
            throw new LayoutException($"{model.Name} is larger than 2 GiB.");
        return new AggregateLayout(model, (int)total, align, fields.MoveToImmutable(), flexible);
    }

    private static FieldLayout Place(FieldModel field, AggregateModel owner, Rules rules, int depth,
        ref long offset, ref long size, ref int align, bool isFlexible)
    {
        var (fieldSize, natural, nested, count) = Describe(field.Type, rules, depth);
        int fieldAlign = natural;
        int pack = rules.Clr && owner.Packed ? 1 : owner.Pack; // .NET gets Pack = 1 for a packed struct
        if (pack > 0)
            fieldAlign = Math.Min(fieldAlign, pack);
        if (!rules.Clr)
        {
            // gcc: packed (on the member or its struct) sets 1 and a member's aligned(N) raises it again;
            // #pragma pack(N) caps both.
            if (field.Packed || owner.Packed)
                fieldAlign = 1;
            if (field.Align > 0)
                fieldAlign = pack > 0 ? Math.Min(Math.Max(fieldAlign, field.Align), pack) : Math.Max(fieldAlign, field.Align);
        }

        long at = owner.IsUnion ? 0 : RoundUp(offset, fieldAlign);
        if (isFlexible)
        {
            fieldSize = 0;
            count = 0;
        }
        else if (owner.IsUnion)
        {
            size = Math.Max(size, fieldSize);
        }
        else
        {
            offset = at + fieldSize;
        }

        align = Math.Max(align, fieldAlign);
        if (at > int.MaxValue || offset > int.MaxValue)
            throw new LayoutException($"{owner.Name} is larger than 2 GiB.");
        return new FieldLayout(field.Name, (int)at, (int)fieldSize, fieldAlign, count, nested);
    }

    /// <summary>
    /// Places a storage member's bit-fields from the bit cursor <paramref name="bits"/>, as gcc does on the target
    /// (stor-layout.c, verified against every target's gcc by the conformance suite):
    /// where <see cref="TargetAbi.BitFieldTypeMatters"/>, a bit-field that would cross a boundary of its type's
    /// alignment starts at the next one (not in a packed struct, on a packed member or under <c>#pragma pack</c>, where
    /// bit-fields are packed bit after bit), <c>T :0</c> moves to the next boundary of <c>T</c> (even in a packed struct or
    /// under <c>#pragma pack</c>), and a named bit-field
    /// (any bit-field, where <see cref="TargetAbi.UnnamedBitFieldsAlign"/>) aligns the struct as its type does (1 when
    /// packed, capped by <c>#pragma pack</c>). Elsewhere (m68k) bit-fields go bit after bit and only <c>:0</c>
    /// aligns, to <see cref="TargetAbi.ZeroWidthBitFieldAlign"/>.
    /// The storage member itself is placed at the byte of its first bit (its bytes must hold its bit-fields: the
    /// parser checks that, ISH164).
    /// </summary>
    private static FieldLayout PlaceBitFields(FieldModel storage, AggregateModel owner, TargetAbi target, ref long bits, ref int align)
    {
        var placed = ImmutableArray.CreateBuilder<BitFieldLayout>(storage.BitFields.Count);
        long first = -1;
        bool packed = owner.Packed || storage.Packed;
        int pack = owner.Pack;
        foreach (var bf in storage.BitFields)
        {
            var (typeSize, typeAlign) = Scalar(bf.Type, target);
            int unitAlign = typeAlign; // where :0 moves to: #pragma pack does not cap it
            if (pack > 0)
                typeAlign = Math.Min(typeAlign, pack);
            if (!target.BitFieldTypeMatters)
            {
                if (bf.Width == 0)
                {
                    bits = RoundUp(bits, target.ZeroWidthBitFieldAlign * 8);
                    align = Math.Max(align, target.ZeroWidthBitFieldAlign);
                }
            }
            else if (bf.Width == 0)
            {
                bits = RoundUp(bits, unitAlign * 8);
                if (target.UnnamedBitFieldsAlign)
                    align = Math.Max(align, typeAlign);
            }
            else
            {
                if (!packed && pack == 0 && bits % (typeAlign * 8) + bf.Width > typeSize * 8)
                    bits = RoundUp(bits, typeAlign * 8);
                if (bf.Name is not null || target.UnnamedBitFieldsAlign)
                    align = Math.Max(align, packed && pack == 0 ? 1 : typeAlign);
            }

            if (bf.Width > 0 && first < 0)
                first = bits;
            placed.Add(new BitFieldLayout(bf, bits, bf.Width));
            bits += bf.Width;
        }

        var (size, storageAlign) = Scalar(storage.Type.Scalar, target);
        storageAlign = packed ? 1 : pack > 0 ? Math.Min(storageAlign, pack) : storageAlign;
        long at = first < 0 ? (bits + 7) / 8 : first / 8;
        if (at > int.MaxValue)
            throw new LayoutException($"{owner.Name} is larger than 2 GiB.");
        return new FieldLayout(storage.Name, (int)at, size, storageAlign, 1, null, placed.MoveToImmutable());
    }

    private static (long Size, int Align, AggregateLayout? Nested, int Count) Describe(AbiType type, Rules rules, int depth)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Scalar:
                // .NET lays out a typedef's Value; C, the typedef's type on the target.
                var (s, a) = Scalar(rules.Clr ? type.Scalar : type.ScalarOn(rules.Target), rules.Target);
                return (s, a, null, 1);
            case AbiTypeKind.Array:
                var (elemSize, elemAlign, elemNested, _) = Describe(type.Element!, rules, depth + 1);
                // Checked here, at each level, so nested arrays can never multiply past a long and wrap: an
                // element of at most 2 GiB times a length of at most int.MaxValue always fits.
                int length = rules.Clr ? type.Length : type.LengthOn(rules.Target);
                long arraySize = checked(elemSize * length);
                if (arraySize > int.MaxValue)
                    throw new LayoutException($"an array of {length} {type.Element!.CSharpName.Replace("global::", "")} is larger than 2 GiB.");
                return (arraySize, elemAlign, elemNested, length);
            default:
                var nested = Layout(type.Aggregate!, rules, depth + 1);
                return (nested.Size, nested.Align, nested, 1);
        }
    }

    private static (int Size, int Align) SizeOf(AbiType type, Rules rules, int depth)
    {
        var (size, align, _, _) = Describe(type, rules, depth);
        if (size > int.MaxValue)
            throw new LayoutException($"{type.CSharpName} is larger than 2 GiB.");
        return ((int)size, align);
    }

    /// <summary>Size and in-struct alignment of a scalar: its size, 64-bit ones at the row's alignment, none above the row's cap (m68k's 2).</summary>
    public static (int Size, int Align) Scalar(ScalarKind kind, TargetAbi target)
    {
        var (size, align) = kind switch
        {
            ScalarKind.U8 or ScalarKind.S8 or ScalarKind.Bool => (1, 1),
            ScalarKind.U16 or ScalarKind.S16 => (2, 2),
            ScalarKind.U32 or ScalarKind.S32 or ScalarKind.F32 => (4, 4),
            ScalarKind.U64 or ScalarKind.S64 or ScalarKind.F64 => (8, target.Int64Align),
            ScalarKind.CLong or ScalarKind.CULong or ScalarKind.NInt or ScalarKind.NUInt or ScalarKind.Pointer
                => (target.PointerSize, target.PointerSize),
            _ => throw new LayoutException($"no C type for {kind}"),
        };
        return (size, Math.Min(align, target.MaxScalarAlign));
    }

    private static long RoundUp(long value, int align) => (value + align - 1) / align * align;

    /// <summary>Every aggregate reachable from <paramref name="model"/> (itself included), each once.</summary>
    public static IEnumerable<AggregateModel> Reachable(AggregateModel model)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<AggregateModel>();
        stack.Push(model);
        while (stack.Count > 0)
        {
            var m = stack.Pop();
            if (!seen.Add(m.FullName)) continue;
            yield return m;
            foreach (var f in m.Fields)
                if (Innermost(f.Type).Aggregate is { } inner) stack.Push(inner);
            if (m.Flexible is { } flex && Innermost(flex.Type).Aggregate is { } flexInner) stack.Push(flexInner);
        }
    }

    private static AbiType Innermost(AbiType type) => type.Kind == AbiTypeKind.Array ? Innermost(type.Element!) : type;
}

/// <summary>A declaration the engine cannot lay out (too deep, too large); the parser turns it into a diagnostic.</summary>
internal sealed class LayoutException : Exception
{
    public LayoutException(string message) : base(message) { }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace IoctlSharp.Generators.Tests.LayoutOracle;

/// <summary>The scalar member types of the attribute set, with their C spelling and their size and alignment on x86_64.</summary>
internal enum Prim { U8, S8, U16, S16, U32, S32, U64, S64, F32, F64, Bool, NInt, NUInt, CLong, CULong }

internal static class Prims
{
    public static readonly Prim[] All = Enum.GetValues<Prim>();

    /// <summary>The integer types an enum can have as its underlying type.</summary>
    public static readonly Prim[] Integers = { Prim.U8, Prim.S8, Prim.U16, Prim.S16, Prim.U32, Prim.S32, Prim.U64, Prim.S64 };

    /// <summary>The element types C# allows in a <c>fixed</c> buffer (char aside, which has no C layout).</summary>
    public static readonly Prim[] FixedBufferElements = { Prim.U8, Prim.S8, Prim.U16, Prim.S16, Prim.U32, Prim.S32, Prim.U64, Prim.S64, Prim.F32, Prim.F64, Prim.Bool };

    /// <summary>
    /// Per <see cref="Prim"/>, in order: the C# spelling, the C spelling (nint/nuint are ssize_t/size_t, spelled with
    /// gcc's predefined macros so that no header is needed), and the size on x86_64, which is also the natural
    /// alignment .NET uses on a 64-bit process.
    /// </summary>
    private static readonly (string CSharp, string C, int Size64)[] Rows =
    {
        ("byte", "unsigned char", 1), ("sbyte", "signed char", 1), ("ushort", "unsigned short", 2), ("short", "short", 2),
        ("uint", "unsigned int", 4), ("int", "int", 4), ("ulong", "unsigned long long", 8), ("long", "long long", 8),
        ("float", "float", 4), ("double", "double", 8), ("bool", "_Bool", 1),
        ("nint", "__INTPTR_TYPE__", 8), ("nuint", "__SIZE_TYPE__", 8), ("CLong", "long", 8), ("CULong", "unsigned long", 8),
    };

    public static string CSharp(Prim p) => Rows[(int)p].CSharp;

    public static string C(Prim p) => Rows[(int)p].C;

    public static int Size64(Prim p) => Rows[(int)p].Size64;
}

/// <summary>A member type: how C# and C spell it, and its natural alignment on x86_64.</summary>
internal abstract record OType
{
    /// <summary>The C# type of the field (a fixed buffer's element type for <see cref="FixedType"/>).</summary>
    public abstract string CSharp { get; }

    /// <summary>The C element type; <see cref="CDims"/> follows the member name.</summary>
    public abstract string CBase { get; }

    public virtual string CDims => "";

    /// <summary>Natural alignment on x86_64, equal in C and in .NET for every type that can be a member.</summary>
    public abstract int Align64 { get; }
}

internal sealed record PrimType(Prim P) : OType
{
    public override string CSharp => Prims.CSharp(P);
    public override string CBase => Prims.C(P);
    public override int Align64 => Prims.Size64(P);
}

/// <summary>A C# enum with an explicit underlying type: C has its underlying integer.</summary>
internal sealed record EnumType(string Name, Prim Underlying) : OType
{
    public override string CSharp => Name;
    public override string CBase => Prims.C(Underlying);
    public override int Align64 => Prims.Size64(Underlying);
}

/// <summary>A data or function pointer, spelled in each language.</summary>
internal sealed record PointerType(string CSharpSpelling, string CSpelling) : OType
{
    public override string CSharp => CSharpSpelling;
    public override string CBase => CSpelling;
    public override int Align64 => 8;
}

/// <summary>A nested <c>[AbiStruct]</c>/<c>[AbiUnion]</c>.</summary>
internal sealed record AggType(OStruct Struct) : OType
{
    public override string CSharp => Struct.Name;
    public override string CBase => Struct.CSpelling;
    public override int Align64 => Struct.Align64;
}

/// <summary><c>public fixed T Name[N];</c>: a direct member only.</summary>
internal sealed record FixedType(Prim Element, int Length) : OType
{
    public override string CSharp => Prims.CSharp(Element);
    public override string CBase => Prims.C(Element);
    public override string CDims => $"[{Length}]";
    public override int Align64 => Prims.Size64(Element);
}

/// <summary>An <c>[InlineArray(N)]</c> struct of <see cref="Element"/> (itself possibly an inline array: T x[N][M]).</summary>
internal sealed record InlineType(string Name, OType Element, int Length) : OType
{
    public override string CSharp => Name;
    public override string CBase => Element.CBase;
    public override string CDims => $"[{Length}]" + Element.CDims;
    public override int Align64 => Element.Align64;
}

/// <summary>A member: <c>[AbiAlign(N)]</c> when <paramref name="AbiAlign"/> is not 0, <c>[AbiPacked]</c> when <paramref name="AbiPacked"/>.</summary>
internal sealed record OField(string Name, OType Type, int AbiAlign, bool AbiPacked);

/// <summary>A generated <c>[AbiStruct]</c>/<c>[AbiUnion]</c> and its C twin.</summary>
internal sealed class OStruct(string name, bool isUnion, int pack, bool packed)
{
    public string Name { get; } = name;
    public bool IsUnion { get; } = isUnion;
    /// <summary><c>Pack = N</c> (<c>#pragma pack(N)</c>), 0 for none.</summary>
    public int Pack { get; } = pack;
    /// <summary><c>Packed = true</c> (<c>__attribute__((packed))</c>).</summary>
    public bool Packed { get; } = packed;
    public int Align { get; set; }
    public List<OField> Fields { get; } = new();
    /// <summary>The element type of a flexible array member <c>Entries[]</c>, or null.</summary>
    public OType? Flexible { get; set; }

    public string CSpelling => (IsUnion ? "union " : "struct ") + Name;

    /// <summary>The struct's alignment on x86_64 (only meaningful for types that can be nested, where C and .NET agree).</summary>
    public int Align64 { get; set; }

    /// <summary>.NET's alignment of a member in this struct on x86_64: the generator gives a packed struct Pack = 1.</summary>
    public int ClrMemberAlign(OType type) => Packed ? 1 : Pack > 0 ? Math.Min(type.Align64, Pack) : type.Align64;

    /// <summary>gcc's alignment of a member in this struct on x86_64 (packed sets 1, aligned raises, #pragma pack caps both).</summary>
    public int CMemberAlign(OType type, int abiAlign, bool abiPacked)
    {
        int a = abiPacked || Packed ? 1 : type.Align64;
        if (abiAlign > 0) a = Math.Max(a, abiAlign);
        if (Pack > 0) a = Math.Min(a, Pack);
        return a;
    }
}

/// <summary>One generated case: a root type, the helper types it nests, and their C# and C text.</summary>
/// <param name="Types">Helpers first, the root last: each may use only the ones before it.</param>
internal sealed record OCase(int Index, List<OStruct> Types, string CSharp, string C);

/// <summary>
/// Random C# ABI declarations as a user writes them, each with its C equivalent, from a seed and an index (a case
/// is the same whatever batch it lands in).
/// </summary>
/// <remarks>
/// Only declarations the generator accepts are produced. The one rule that needs care is ISH104: .NET must be able
/// to give the C# type the C layout of x86_64. .NET honours natural alignment and Pack (a packed struct gets
/// Pack = 1) but not a member's aligned/packed, a struct's own aligned or a flexible array (whose tail padding
/// StructLayout.Size restores). So a nested type never has a member whose gcc alignment on x86_64 differs from
/// .NET's (an <c>[AbiAlign(N)]</c> no larger than the member's natural alignment, <c>[AbiPacked]</c> only where
/// the alignment is 1 anyway or with <c>[AbiAlign]</c> of the natural alignment), an <c>Align</c> above its own
/// alignment, or a flexible array; the i386 layout, where the interesting differences are, is left free. The root
/// type, which is never nested, may also over-align: any <c>[AbiAlign]</c> on a member at offset 0 (a union's
/// members, a struct's first), any <c>Align</c>, and a flexible array; and its members at offset 0 may hold an
/// over-aligned helper (the head), or an array of them, whose C size .NET gets from StructLayout.Size.
/// </remarks>
internal static class RandomDeclarations
{
    private static readonly int[] Packs = { 1, 2, 4, 8, 16 };
    private static readonly Prim[] WidePrims = { Prim.U64, Prim.S64, Prim.F64 };
    private static readonly int[] Alignments = { 1, 2, 4, 8, 16, 32 };

    public const string Usings = "using System;\nusing System.Runtime.CompilerServices;\nusing System.Runtime.InteropServices;\nusing IoctlSharp;\n\nnamespace Oracle;\n";

    /// <summary>Function pointers are spelled through this typedef in C.</summary>
    public const string CPrelude = "typedef void (*oracle_fn)(int);\n";

    private sealed class Context
    {
        public Context(Random rng, int index, bool wide) { Rng = rng; Prefix = "C" + index.ToString(CultureInfo.InvariantCulture) + "_"; Wide = wide; }
        public Random Rng { get; }
        /// <summary>Stress the 32-bit twins: every helper holds a 64-bit member, and arrays are mostly of helpers.</summary>
        public bool Wide { get; }
        public string Prefix { get; }
        public List<OStruct> Types { get; } = new();
        /// <summary>An over-aligned helper that only the root's members at offset 0 use, or null.</summary>
        public OStruct? Head { get; set; }
        public StringBuilder Extra { get; } = new();
        public int Enums, Arrays;
    }

    /// <param name="arraysOfWideStructs">
    /// Stress the 32-bit twins: at least one helper, each holding a 64-bit member, and arrays mostly of helpers and
    /// more frequent (a twin whose i386 size is not a multiple of 8 while it holds a u64 is what .NET would pad).
    /// Without it a case is what it always was for its seed and index.
    /// </param>
    public static OCase Case(int seed, int index, bool arraysOfWideStructs = false)
    {
        var rng = new Random(unchecked(seed * 486187739 + index * 7919 + 17));
        var ctx = new Context(rng, index, arraysOfWideStructs);
        int helpers = ctx.Wide ? 1 + rng.Next(3) : rng.Next(4);
        for (int h = 1; h <= helpers; h++)
            ctx.Types.Add(NewStruct(ctx, ctx.Prefix + "N" + h.ToString(CultureInfo.InvariantCulture), root: false));
        if (rng.Next(4) == 0)
        {
            ctx.Head = NewStruct(ctx, ctx.Prefix + "Head", root: true, flexible: false);
            ctx.Types.Add(ctx.Head);
        }

        ctx.Types.Add(NewStruct(ctx, ctx.Prefix + "Root", root: true));

        var cs = new StringBuilder();
        cs.Append(ctx.Extra);
        foreach (var s in ctx.Types)
            RenderCSharp(cs, s);
        var c = new StringBuilder();
        foreach (var s in ctx.Types)
            RenderC(c, s);
        return new OCase(index, ctx.Types, cs.ToString(), c.ToString());
    }

    private static OStruct NewStruct(Context ctx, string name, bool root, bool flexible = true)
    {
        var rng = ctx.Rng;
        bool union = rng.Next(5) == 0;
        int pack = 0;
        bool packed = false;
        switch (rng.Next(12))
        {
            case 0 or 1: packed = true; break;
            case 2 or 3 or 4: pack = Packs[rng.Next(Packs.Length)]; break;
            case 5: packed = true; pack = Packs[rng.Next(Packs.Length)]; break;
        }

        var s = new OStruct(name, union, pack, packed);
        var nestable = ctx.Types.Where(t => t != ctx.Head).ToList(); // helpers are nestable by construction
        int count = 1 + rng.Next(root ? 8 : 5);
        int clrAlign = 1, cAlign = 1;
        for (int i = 0; i < count; i++)
        {
            bool freeAlignment = root && (union || i == 0); // at offset 0 an over-aligned member moves nothing
            var type = freeAlignment && ctx.Head is { } head && rng.Next(2) == 0
                ? rng.Next(2) == 0 ? new AggType(head) : DeclareInlineArray(ctx, new AggType(head))
                : NewType(ctx, nestable, s, allowFixed: true, depth: 0);
            int clr = s.ClrMemberAlign(type); // for the head, its C alignment: at least .NET's, which is all that matters here
            var (abiAlign, abiPacked) = PickMemberAttributes(rng, s, type, clr, freeAlignment);
            s.Fields.Add(new OField("F" + i.ToString(CultureInfo.InvariantCulture), type, abiAlign, abiPacked));
            clrAlign = Math.Max(clrAlign, clr);
            cAlign = Math.Max(cAlign, s.CMemberAlign(type, abiAlign, abiPacked));
        }

        if (ctx.Wide && !root)
        {
            var wide = new PrimType(WidePrims[rng.Next(WidePrims.Length)]);
            s.Fields.Insert(rng.Next(s.Fields.Count + 1), new OField("F" + count.ToString(CultureInfo.InvariantCulture), wide, 0, false));
            clrAlign = Math.Max(clrAlign, s.ClrMemberAlign(wide));
            cAlign = Math.Max(cAlign, s.CMemberAlign(wide, 0, false));
        }

        if (root && flexible && !union && rng.Next(6) == 0)
        {
            s.Flexible = NewFlexibleElement(ctx, nestable);
            cAlign = Math.Max(cAlign, s.CMemberAlign(s.Flexible, 0, false));
        }

        if (rng.Next(6) == 0)
        {
            var choices = root ? Alignments : Alignments.Where(a => a <= clrAlign).ToArray();
            s.Align = choices[rng.Next(choices.Length)];
            cAlign = Math.Max(cAlign, s.Align);
        }

        if (!root && cAlign != clrAlign)
            throw new InvalidOperationException($"oracle bug: helper {name} is over-aligned ({cAlign} in C, {clrAlign} in .NET)");
        s.Align64 = cAlign;
        return s;
    }

    /// <summary>
    /// <c>[AbiAlign(N)]</c> and <c>[AbiPacked]</c> such that gcc's x86_64 alignment of the member equals .NET's
    /// (<paramref name="clr"/>), or, where <paramref name="freeAlignment"/>, is at least .NET's.
    /// </summary>
    private static (int Align, bool Packed) PickMemberAttributes(Random rng, OStruct owner, OType type, int clr, bool freeAlignment)
    {
        if (rng.Next(3) != 0)
            return (0, false);
        var options = new List<(int, bool)>();
        foreach (bool packed in new[] { false, true })
        {
            foreach (int n in new[] { 0, 1, 2, 4, 8, 16, 32, 64 })
            {
                if (n == 0 && !packed) continue;
                if (n > 16 && !freeAlignment) continue;
                int c = owner.CMemberAlign(type, n, packed);
                if (freeAlignment ? c >= clr : c == clr)
                    options.Add((n, packed));
            }
        }

        return options.Count == 0 ? (0, false) : options[rng.Next(options.Count)];
    }

    private static OType NewType(Context ctx, List<OStruct> nestable, OStruct owner, bool allowFixed, int depth)
    {
        var rng = ctx.Rng;
        if (ctx.Wide && depth < 2 && rng.Next(3) == 0)
            return NewInlineArray(ctx, nestable, owner, depth);
        int r = rng.Next(100);
        if (r < 45)
            return new PrimType(Prims.All[rng.Next(Prims.All.Length)]);
        if (r < 52)
            return NewEnum(ctx);
        if (r < 60)
            return NewPointer(ctx, owner);
        if (r < 70 && allowFixed)
            return new FixedType(Prims.FixedBufferElements[rng.Next(Prims.FixedBufferElements.Length)], 1 + rng.Next(5));
        if (r < 82 && depth < 2)
            return NewInlineArray(ctx, nestable, owner, depth);
        if (nestable.Count > 0)
            return new AggType(nestable[rng.Next(nestable.Count)]);
        return new PrimType(Prims.All[rng.Next(Prims.All.Length)]);
    }

    private static OType NewEnum(Context ctx)
    {
        string name = ctx.Prefix + "E" + (++ctx.Enums).ToString(CultureInfo.InvariantCulture);
        var underlying = Prims.Integers[ctx.Rng.Next(Prims.Integers.Length)];
        ctx.Extra.Append($"public enum {name} : {Prims.CSharp(underlying)} {{ A, B = 3 }}\n");
        return new EnumType(name, underlying);
    }

    private static OType NewPointer(Context ctx, OStruct owner)
    {
        switch (ctx.Rng.Next(6))
        {
            case 0: return new PointerType("void*", "void *");
            case 1: return new PointerType("byte*", "unsigned char *");
            case 2: return new PointerType("ulong*", "unsigned long long *");
            case 3: return new PointerType("delegate* unmanaged<int, void>", "oracle_fn");
            case 4 when ctx.Types.Count > 0:
                var target = ctx.Types[ctx.Rng.Next(ctx.Types.Count)];
                return new PointerType(target.Name + "*", target.CSpelling + " *");
            default: return new PointerType(owner.Name + "*", owner.CSpelling + " *"); // a pointer to itself
        }
    }

    private static OType NewInlineArray(Context ctx, List<OStruct> nestable, OStruct owner, int depth)
    {
        var rng = ctx.Rng;
        OType element = ctx.Wide && nestable.Count > 0 && rng.Next(4) != 0 ? new AggType(nestable[rng.Next(nestable.Count)]) : rng.Next(4) switch
        {
            0 when nestable.Count > 0 => new AggType(nestable[rng.Next(nestable.Count)]),
            1 => NewType(ctx, nestable, owner, allowFixed: false, depth + 1),
            _ => new PrimType(Prims.All[rng.Next(Prims.All.Length)]),
        };
        return DeclareInlineArray(ctx, element);
    }

    private static InlineType DeclareInlineArray(Context ctx, OType element)
    {
        string name = ctx.Prefix + "A" + (++ctx.Arrays).ToString(CultureInfo.InvariantCulture);
        int length = 1 + ctx.Rng.Next(4);
        ctx.Extra.Append($"[InlineArray({length})] public unsafe struct {name} {{ private {element.CSharp} _e; }}\n");
        return new InlineType(name, element, length);
    }


    private static OType NewFlexibleElement(Context ctx, List<OStruct> nestable)
    {
        var rng = ctx.Rng;
        return rng.Next(4) switch
        {
            0 when nestable.Count > 0 => new AggType(nestable[rng.Next(nestable.Count)]),
            1 => NewEnum(ctx),
            _ => new PrimType(Prims.All[rng.Next(Prims.All.Length)]),
        };
    }

    /// <summary>How often each construct occurs in <paramref name="cases"/>, for the test's output.</summary>
    public static string Census(IEnumerable<OCase> cases)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Count(string what, bool yes) { if (yes) counts[what] = counts.GetValueOrDefault(what) + 1; }
        foreach (var c in cases)
        {
            foreach (var s in c.Types)
            {
                Count("unions", s.IsUnion);
                Count("Pack", s.Pack > 0);
                Count("Packed", s.Packed);
                Count("Align", s.Align > 0);
                Count("flexible arrays", s.Flexible is not null);
                foreach (var f in s.Fields)
                {
                    Count("AbiAlign", f.AbiAlign > 0);
                    Count("AbiPacked", f.AbiPacked);
                    Count("fixed buffers", f.Type is FixedType);
                    Count("inline arrays", f.Type is InlineType);
                    Count("arrays of arrays", f.Type is InlineType { Element: InlineType });
                    Count("nested types", f.Type is AggType or InlineType { Element: AggType });
                    Count("pointers", f.Type is PointerType or InlineType { Element: PointerType });
                    Count("enums", f.Type is EnumType or InlineType { Element: EnumType });
                    Count("head members at offset 0", f.Type is AggType { Struct.Name: var n } && n.EndsWith("_Head", StringComparison.Ordinal)
                                                || f.Type is InlineType { Element: AggType { Struct.Name: var m } } && m.EndsWith("_Head", StringComparison.Ordinal));
                }
            }
        }

        return string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}"));
    }

    private static void RenderCSharp(StringBuilder sb, OStruct s)
    {
        var args = new List<string>();
        if (s.Pack > 0) args.Add($"Pack = {s.Pack}");
        if (s.Packed) args.Add("Packed = true");
        if (s.Align > 0) args.Add($"Align = {s.Align}");
        sb.Append('[').Append(s.IsUnion ? "AbiUnion" : "AbiStruct");
        if (args.Count > 0) sb.Append('(').Append(string.Join(", ", args)).Append(')');
        if (s.Flexible is { } flex) sb.Append($", FlexibleArray(typeof({flex.CSharp}))");
        sb.Append("]\npublic unsafe partial struct ").Append(s.Name).Append("\n{\n");
        foreach (var f in s.Fields)
        {
            var attributes = new List<string>();
            if (s.IsUnion) attributes.Add("FieldOffset(0)");
            if (f.AbiAlign > 0) attributes.Add($"AbiAlign({f.AbiAlign})");
            if (f.AbiPacked) attributes.Add("AbiPacked");
            sb.Append("    ");
            if (attributes.Count > 0) sb.Append('[').Append(string.Join(", ", attributes)).Append("] ");
            if (f.Type is FixedType fixedType)
                sb.Append($"public fixed {fixedType.CSharp} {f.Name}[{fixedType.Length}];\n");
            else
                sb.Append($"public {f.Type.CSharp} {f.Name};\n");
        }

        sb.Append("}\n");
    }

    private static void RenderC(StringBuilder sb, OStruct s)
    {
        if (s.Pack > 0) sb.Append($"#pragma pack(push, {s.Pack})\n");
        var attributes = new List<string>();
        if (s.Packed) attributes.Add("packed");
        if (s.Align > 0) attributes.Add($"aligned({s.Align})");
        sb.Append(s.IsUnion ? "union " : "struct ");
        if (attributes.Count > 0) sb.Append("__attribute__((").Append(string.Join(", ", attributes)).Append(")) ");
        sb.Append(s.Name).Append(" {\n");
        foreach (var f in s.Fields)
        {
            sb.Append("    ").Append(f.Type.CBase).Append(' ').Append(f.Name).Append(f.Type.CDims);
            var member = new List<string>();
            if (f.AbiAlign > 0) member.Add($"aligned({f.AbiAlign})");
            if (f.AbiPacked) member.Add("packed");
            if (member.Count > 0) sb.Append(" __attribute__((").Append(string.Join(", ", member)).Append("))");
            sb.Append(";\n");
        }

        if (s.Flexible is { } flex)
            sb.Append("    ").Append(flex.CBase).Append(" Entries[];\n");
        sb.Append("};\n");
        if (s.Pack > 0) sb.Append("#pragma pack(pop)\n");
    }
}

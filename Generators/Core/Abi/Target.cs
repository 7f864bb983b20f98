using System.Collections.Immutable;
using System.Linq;

namespace IoctlSharp.Generators.Abi;

/// <summary>
/// A request-number encoding family (ABI-NOTES, "Request numbers"): how <c>_IOC(dir, type, nr, size)</c> packs its
/// fields. A row of data; <see cref="RequestEncoding"/> is the only code that reads it.
/// </summary>
internal sealed class EncodingFamily
{
    internal EncodingFamily(string name, int sizeBits, uint none, uint write, uint read)
    {
        Name = name;
        SizeBits = sizeBits;
        None = none;
        Write = write;
        Read = read;
    }

    /// <summary>Where the family is defined, as in generated comments.</summary>
    public string Name { get; }

    /// <summary>Bits of the size field (<c>_IOC_SIZEBITS</c>); the direction bits sit above it.</summary>
    public int SizeBits { get; }

    /// <summary><c>_IOC_NONE</c>, <c>_IOC_WRITE</c>, <c>_IOC_READ</c>.</summary>
    public uint None { get; }

    public uint Write { get; }

    public uint Read { get; }

    /// <summary><c>_IOC_DIRSHIFT</c>: 16 + the size bits.</summary>
    public int DirectionShift => 16 + SizeBits;

    /// <summary>The largest size the size field holds.</summary>
    public int MaxSize => (1 << SizeBits) - 1;

    /// <summary>The family of a row's <c>_IOC_*</c> values; rows with the same values share one instance.</summary>
    internal static EncodingFamily Of(AbiTargetRow row) => s_families.TryGetValue((row.SizeBits, row.None, row.Write, row.Read), out var f) ? f
        : throw new System.InvalidOperationException($"no encoding family for {row.Name}");

    private static readonly System.Collections.Generic.Dictionary<(int, uint, uint, uint), EncodingFamily> s_families = new()
    {
        [(14, 0, 1, 2)] = new("asm-generic/ioctl.h", 14, none: 0, write: 1, read: 2),
        [(13, 1, 4, 2)] = new("powerpc, mips, sparc and alpha asm/ioctl.h", 13, none: 1, write: 4, read: 2),
        [(14, 0, 2, 1)] = new("parisc asm/ioctl.h", 14, none: 0, write: 2, read: 1),
    };
}

/// <summary>
/// The facts of one target ABI that C struct layout and request encoding depend on: a row of the shared table
/// (Runtime/AbiTarget.cs), with the encoding family it names.
/// </summary>
internal sealed class TargetAbi
{
    private readonly AbiTargetRow _row;

    private TargetAbi(AbiTargetRow row, int layoutClass)
    {
        _row = row;
        Encoding = EncodingFamily.Of(row);
        LayoutClass = layoutClass;
    }

    /// <summary>
    /// Targets with the same layout facts (pointer size, <c>__u64</c> alignment, largest scalar alignment, bit-field
    /// rules) lay every struct out alike: the engine computes and caches a layout once per class.
    /// </summary>
    public int LayoutClass { get; }


    public Target Target => _row.Target;

    /// <summary>The C name, as in generated comments (<c>x86_64</c>).</summary>
    public string Name => _row.Name;

    /// <summary>The generated identifier (<c>X86_64</c>), the same as IoctlSharp.AbiTarget's member.</summary>
    public string Identifier => Target.ToString();

    /// <summary>Size of pointers, C long and size_t: 4 on ILP32, 8 on LP64.</summary>
    public int PointerSize => _row.PointerSize;

    /// <summary>Alignment of 64-bit integers and double inside structs: 4 on i386, sh4 and arc, 2 on m68k, 8 elsewhere.</summary>
    public int Int64Align => _row.Int64Align;

    /// <summary>No scalar is aligned more than this (2 on m68k).</summary>
    public int MaxScalarAlign => _row.MaxScalarAlign;

    public EncodingFamily Encoding { get; }

    /// <inheritdoc cref="AbiTargetRow.BitFieldTypeMatters"/>
    public bool BitFieldTypeMatters => _row.BitFieldTypeMatters;

    /// <inheritdoc cref="AbiTargetRow.UnnamedBitFieldsAlign"/>
    public bool UnnamedBitFieldsAlign => _row.UnnamedBitFieldsAlign;

    /// <inheritdoc cref="AbiTargetRow.ZeroWidthBitFieldAlign"/>
    public int ZeroWidthBitFieldAlign => _row.ZeroWidthBitFieldAlign;

    /// <summary>Multi-byte values are stored most significant byte first.</summary>
    public bool BigEndian => _row.BigEndian;

    /// <summary>The .NET process architectures with this ABI (empty for a peer-only target).</summary>
    public string Rids => _row.Rids;

    /// <summary>In the emitted set unless a project chooses its own (IoctlSharpTargets).</summary>
    public bool EmittedByDefault => _row.EmittedByDefault;

    /// <summary>A 64-bit process .NET runs natively whose layout the declared struct's own .NET layout must equal.</summary>
    public bool ClrNative => Target is Target.X86_64 or Target.Aarch64;

    /// <summary>
    /// A 32-bit ABI whose layout gets a generated twin with conversions when it is emitted: every ILP32 target (a
    /// twin's Read and Write put a peer's bytes in this process's byte order).
    /// </summary>
    public bool HasTwin => IsIlp32;

    public bool IsIlp32 => PointerSize == 4;

    /// <summary>Every target, in <see cref="Target"/> order.</summary>
    public static readonly ImmutableArray<TargetAbi> All = Build();

    /// <summary>The number of distinct <see cref="LayoutClass"/>es.</summary>
    public static readonly int LayoutClasses = All.Select(t => t.LayoutClass).Distinct().Count();

    private static ImmutableArray<TargetAbi> Build()
    {
        var classes = new System.Collections.Generic.List<(int, int, int, bool, bool, int)>();
        var all = ImmutableArray.CreateBuilder<TargetAbi>(AbiTargetRow.All.Length);
        foreach (var row in AbiTargetRow.All)
        {
            var facts = (row.PointerSize, row.Int64Align, row.MaxScalarAlign, row.BitFieldTypeMatters, row.UnnamedBitFieldsAlign, row.ZeroWidthBitFieldAlign);
            int index = classes.IndexOf(facts);
            if (index < 0)
            {
                index = classes.Count;
                classes.Add(facts);
            }

            all.Add(new TargetAbi(row, index));
        }

        return all.MoveToImmutable();
    }

    public static TargetAbi X86_64 => All[(int)Target.X86_64];
    public static TargetAbi I386 => All[(int)Target.I386];
    public static TargetAbi Aarch64 => All[(int)Target.Aarch64];
    public static TargetAbi Arm32 => All[(int)Target.Arm32];

    /// <summary>The targets .NET's own layout of a declared struct must equal (the 64-bit processes IoctlSharp supports natively).</summary>
    public static readonly ImmutableArray<TargetAbi> Native64 = All.Where(t => t.ClrNative).ToImmutableArray();

    /// <summary>The encoding families some target uses, in the order of their first target.</summary>
    public static readonly ImmutableArray<EncodingFamily> Families = All.Select(t => t.Encoding).Distinct().ToImmutableArray();
}

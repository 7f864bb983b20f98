using System.Collections.Immutable;
using System.Linq;

namespace IoctlSharp.Generators.Abi;

// The generator's own copy of IoctlSharp.AbiTarget (the generator cannot reference the runtime): same names,
// same order, so generated code can cast between them. A test checks that the two agree.
internal enum Target
{
    X86_64,
    I386,
    Aarch64,
    Arm32,
    Ppc64le,
    Riscv64,
    Mips32,
}

/// <summary>
/// A request-number encoding family (ABI-NOTES, "Request numbers"): how <c>_IOC(dir, type, nr, size)</c> packs its
/// fields. A row of data; <see cref="RequestEncoding"/> is the only code that reads it.
/// </summary>
internal sealed class EncodingFamily
{
    private EncodingFamily(string name, int sizeBits, uint none, uint write, uint read)
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

    /// <summary>asm-generic/ioctl.h: 14 size bits, 2 direction bits; NONE 0, WRITE 1, READ 2.</summary>
    public static readonly EncodingFamily Generic = new("asm-generic/ioctl.h", 14, none: 0, write: 1, read: 2);

    /// <summary>arch/powerpc and arch/mips ioctl.h: 13 size bits, 3 direction bits; NONE 1, READ 2, WRITE 4.</summary>
    public static readonly EncodingFamily PowerPcMips = new("powerpc and mips asm/ioctl.h", 13, none: 1, write: 4, read: 2);
}

/// <summary>The facts of one target ABI that C struct layout and request encoding depend on: one row per target.</summary>
internal sealed class TargetAbi
{
    private TargetAbi(Target target, string name, int pointerSize, int int64Align, EncodingFamily encoding, bool bigEndian = false,
        bool clrNative = false, bool twin = false)
    {
        Target = target;
        Name = name;
        PointerSize = pointerSize;
        Int64Align = int64Align;
        Encoding = encoding;
        BigEndian = bigEndian;
        ClrNative = clrNative;
        HasTwin = twin;
    }

    public Target Target { get; }

    /// <summary>The C name, as in generated comments (<c>x86_64</c>).</summary>
    public string Name { get; }

    /// <summary>The generated identifier (<c>X86_64</c>), the same as IoctlSharp.AbiTarget's member.</summary>
    public string Identifier => Target.ToString();

    /// <summary>Size and alignment of pointers, C long and size_t: 4 on ILP32, 8 on LP64.</summary>
    public int PointerSize { get; }

    /// <summary>Alignment of 64-bit integers and double inside structs: 4 on i386, 8 elsewhere.</summary>
    public int Int64Align { get; }

    public EncodingFamily Encoding { get; }

    /// <summary>Multi-byte values are stored most significant byte first.</summary>
    public bool BigEndian { get; }

    /// <summary>A 64-bit process .NET runs natively: the declared struct's own .NET layout must equal C's here.</summary>
    public bool ClrNative { get; }

    /// <summary>A 32-bit ABI whose layout gets a generated twin with conversions (mips32 has arm32's layout, but big-endian bytes).</summary>
    public bool HasTwin { get; }

    public bool IsIlp32 => PointerSize == 4;

    public static readonly TargetAbi X86_64 = new(Target.X86_64, "x86_64", 8, 8, EncodingFamily.Generic, clrNative: true);
    public static readonly TargetAbi I386 = new(Target.I386, "i386", 4, 4, EncodingFamily.Generic, twin: true);
    public static readonly TargetAbi Aarch64 = new(Target.Aarch64, "aarch64", 8, 8, EncodingFamily.Generic, clrNative: true);
    public static readonly TargetAbi Arm32 = new(Target.Arm32, "arm32", 4, 8, EncodingFamily.Generic, twin: true);
    public static readonly TargetAbi Ppc64le = new(Target.Ppc64le, "ppc64le", 8, 8, EncodingFamily.PowerPcMips);
    public static readonly TargetAbi Riscv64 = new(Target.Riscv64, "riscv64", 8, 8, EncodingFamily.Generic);
    public static readonly TargetAbi Mips32 = new(Target.Mips32, "mips32", 4, 8, EncodingFamily.PowerPcMips, bigEndian: true);

    /// <summary>Every target, in <see cref="Target"/> order.</summary>
    public static readonly ImmutableArray<TargetAbi> All = ImmutableArray.Create(X86_64, I386, Aarch64, Arm32, Ppc64le, Riscv64, Mips32);

    /// <summary>The targets .NET's own layout of a declared struct must equal (the 64-bit processes IoctlSharp supports natively).</summary>
    public static readonly ImmutableArray<TargetAbi> Native64 = All.Where(t => t.ClrNative).ToImmutableArray();

    /// <summary>The encoding families some target uses, in the order of their first target.</summary>
    public static readonly ImmutableArray<EncodingFamily> Families = All.Select(t => t.Encoding).Distinct().ToImmutableArray();
}

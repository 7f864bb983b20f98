// The one table of target ABIs. This file is compiled twice: into the runtime (public AbiTarget, namespace
// IoctlSharp) and into the generator core (internal Target, IOCTLSHARP_CORE), so generated code casts between the
// two enums and the layout engine, the encoder and the runtime read the same facts. Every fact in a row was read
// off that target's gcc (tests/IoctlSharp.Conformance.Tests/cross/generate.sh); add a target by adding a row,
// appended so existing values keep their numbers.
#if IOCTLSHARP_CORE
namespace IoctlSharp.Generators.Abi;
#else
namespace IoctlSharp;

using Target = AbiTarget;
#endif

/// <summary>The target ABIs IoctlSharp lays structs out for and encodes request numbers for (docs/targets.md lists their facts).</summary>
#if IOCTLSHARP_CORE
internal enum Target
#else
public enum AbiTarget
#endif
{
    /// <summary>x86_64 (LP64, generic ioctl encoding). .NET: linux-x64.</summary>
    X86_64,
    /// <summary>i386 (ILP32; 64-bit integers and double are 4-byte aligned inside structs). .NET: linux-x86.</summary>
    I386,
    /// <summary>aarch64 (LP64, generic ioctl encoding). .NET: linux-arm64.</summary>
    Aarch64,
    /// <summary>32-bit arm, EABI hard-float (ILP32; 64-bit integers 8-byte aligned). .NET: linux-arm.</summary>
    Arm32,
    /// <summary>64-bit little-endian powerpc (LP64; 13 size bits, 3 direction bits). .NET: linux-ppc64le.</summary>
    Ppc64le,
    /// <summary>64-bit RISC-V (LP64, generic ioctl encoding). .NET: linux-riscv64.</summary>
    Riscv64,
    /// <summary>32-bit MIPS, o32, big-endian (ILP32; 13 size bits, 3 direction bits).</summary>
    Mips32,
    /// <summary>x32: the x86_64 instruction set with ILP32 (64-bit integers 8-byte aligned).</summary>
    X32,
    /// <summary>32-bit arm, EABI soft-float (armel; laid out as arm32).</summary>
    Armel,
    /// <summary>32-bit powerpc, big-endian (ILP32; 13 size bits, 3 direction bits).</summary>
    Powerpc,
    /// <summary>64-bit powerpc, big-endian (LP64; 13 size bits, 3 direction bits).</summary>
    Ppc64,
    /// <summary>s390x (LP64, big-endian, generic ioctl encoding). .NET: linux-s390x.</summary>
    S390x,
    /// <summary>32-bit MIPS, o32, little-endian.</summary>
    Mipsel,
    /// <summary>64-bit MIPS, n64, big-endian (LP64; 13 size bits, 3 direction bits).</summary>
    Mips64,
    /// <summary>64-bit MIPS, n64, little-endian.</summary>
    Mips64el,
    /// <summary>MIPS n32, big-endian: 64-bit registers, ILP32, 64-bit integers 8-byte aligned.</summary>
    Mipsn32,
    /// <summary>MIPS n32, little-endian.</summary>
    Mipsn32el,
    /// <summary>32-bit MIPS release 6, o32, big-endian.</summary>
    Mipsr6,
    /// <summary>32-bit MIPS release 6, o32, little-endian.</summary>
    Mipsr6el,
    /// <summary>64-bit SPARC (LP64, big-endian; 13 size bits, 3 direction bits).</summary>
    Sparc64,
    /// <summary>Alpha (LP64, little-endian; 13 size bits, 3 direction bits).</summary>
    Alpha,
    /// <summary>32-bit PA-RISC (ILP32, big-endian; _IOC_WRITE is 2 and _IOC_READ 1).</summary>
    Hppa,
    /// <summary>m68k (ILP32, big-endian; every scalar wider than a byte is 2-byte aligned).</summary>
    M68k,
    /// <summary>SuperH sh4 (ILP32, little-endian; 64-bit integers and double 4-byte aligned).</summary>
    Sh4,
    /// <summary>ARC (ILP32, little-endian; 64-bit integers and double 4-byte aligned).</summary>
    Arc,
}

/// <summary>One target's facts, as its gcc reports them.</summary>
internal sealed class AbiTargetRow
{
    public AbiTargetRow(Target target, string name, int pointerSize, int int64Align, int maxScalarAlign, bool bigEndian, int sizeBits, uint none, uint write, uint read,
        string rids = "", bool emittedByDefault = false, bool bitFieldTypeMatters = true, bool unnamedBitFieldsAlign = false, int zeroWidthBitFieldAlign = 0)
    {
        BitFieldTypeMatters = bitFieldTypeMatters;
        UnnamedBitFieldsAlign = unnamedBitFieldsAlign;
        ZeroWidthBitFieldAlign = zeroWidthBitFieldAlign;
        Target = target;
        Name = name;
        PointerSize = pointerSize;
        Int64Align = int64Align;
        MaxScalarAlign = maxScalarAlign;
        BigEndian = bigEndian;
        SizeBits = sizeBits;
        None = none;
        Write = write;
        Read = read;
        Rids = rids;
        EmittedByDefault = emittedByDefault;
    }

    public Target Target { get; }

    /// <summary>The C name, as in generated comments and docs (<c>x86_64</c>).</summary>
    public string Name { get; }

    /// <summary>Size of pointers, C long and size_t: 4 on ILP32, 8 on LP64.</summary>
    public int PointerSize { get; }

    /// <summary>Alignment of 64-bit integers and double inside structs (before <see cref="MaxScalarAlign"/>).</summary>
    public int Int64Align { get; }

    /// <summary>No scalar is aligned more than this (2 on m68k, 8 elsewhere).</summary>
    public int MaxScalarAlign { get; }

    /// <summary>Multi-byte values are stored most significant byte first.</summary>
    public bool BigEndian { get; }

    /// <summary><c>_IOC_SIZEBITS</c>.</summary>
    public int SizeBits { get; }

    /// <summary><c>_IOC_NONE</c>, <c>_IOC_WRITE</c>, <c>_IOC_READ</c>.</summary>
    public uint None { get; }

    public uint Write { get; }

    public uint Read { get; }

    /// <summary>The .NET process architectures (<c>RuntimeInformation.ProcessArchitecture</c>, lower case, comma-separated) whose processes have this ABI; empty for a peer-only target.</summary>
    public string Rids { get; }

    /// <summary>Generated constants, twins and request numbers include this target unless the project chooses otherwise (the targets .NET runs on and their 32-bit compat peers).</summary>
    public bool EmittedByDefault { get; }

    /// <summary>
    /// gcc's <c>PCC_BITFIELD_TYPE_MATTERS</c>: a bit-field that would cross a boundary of its declared type's
    /// alignment starts at the next one, a named bit-field aligns the struct as its type does, and <c>T :0</c> aligns
    /// the next member to <c>T</c>. False on m68k, where bit-fields are packed bit after bit and align nothing.
    /// </summary>
    public bool BitFieldTypeMatters { get; }

    /// <summary>
    /// Unnamed bit-fields (<c>int :3</c>, <c>int :0</c>) align the struct as their type does, as named ones do
    /// (gcc's <c>align_anon_bitfield</c>: the Arm AAPCS, on arm32 and aarch64); elsewhere they align nothing.
    /// </summary>
    public bool UnnamedBitFieldsAlign { get; }

    /// <summary>
    /// Where <see cref="BitFieldTypeMatters"/> is false: the boundary (bytes) a zero-width bit-field of any type
    /// aligns the next member and the struct to (gcc's <c>EMPTY_FIELD_BOUNDARY</c>: 2 on m68k).
    /// </summary>
    public int ZeroWidthBitFieldAlign { get; }

    public static readonly AbiTargetRow[] All =
    {
        // target                name        ptr  i64 max  BE     bits NONE WRITE READ
        new(Target.X86_64, "x86_64", 8, 8, 8, false, 14, 0, 1, 2, "x64", true),
        new(Target.I386, "i386", 4, 4, 8, false, 14, 0, 1, 2, "x86", true),
        new(Target.Aarch64, "aarch64", 8, 8, 8, false, 14, 0, 1, 2, "arm64", true, unnamedBitFieldsAlign: true),
        new(Target.Arm32, "arm32", 4, 8, 8, false, 14, 0, 1, 2, "arm,armv6", true, unnamedBitFieldsAlign: true),
        new(Target.Ppc64le, "ppc64le", 8, 8, 8, false, 13, 1, 4, 2, "ppc64le", true),
        new(Target.Riscv64, "riscv64", 8, 8, 8, false, 14, 0, 1, 2, "riscv64", true),
        new(Target.Mips32, "mips32", 4, 8, 8, true, 13, 1, 4, 2),
        new(Target.X32, "x32", 4, 8, 8, false, 14, 0, 1, 2),
        new(Target.Armel, "armel", 4, 8, 8, false, 14, 0, 1, 2, unnamedBitFieldsAlign: true),
        new(Target.Powerpc, "powerpc", 4, 8, 8, true, 13, 1, 4, 2),
        new(Target.Ppc64, "ppc64", 8, 8, 8, true, 13, 1, 4, 2),
        new(Target.S390x, "s390x", 8, 8, 8, true, 14, 0, 1, 2, "s390x", true),
        new(Target.Mipsel, "mipsel", 4, 8, 8, false, 13, 1, 4, 2),
        new(Target.Mips64, "mips64", 8, 8, 8, true, 13, 1, 4, 2),
        new(Target.Mips64el, "mips64el", 8, 8, 8, false, 13, 1, 4, 2),
        new(Target.Mipsn32, "mipsn32", 4, 8, 8, true, 13, 1, 4, 2),
        new(Target.Mipsn32el, "mipsn32el", 4, 8, 8, false, 13, 1, 4, 2),
        new(Target.Mipsr6, "mipsr6", 4, 8, 8, true, 13, 1, 4, 2),
        new(Target.Mipsr6el, "mipsr6el", 4, 8, 8, false, 13, 1, 4, 2),
        new(Target.Sparc64, "sparc64", 8, 8, 8, true, 13, 1, 4, 2),
        new(Target.Alpha, "alpha", 8, 8, 8, false, 13, 1, 4, 2),
        new(Target.Hppa, "hppa", 4, 8, 8, true, 14, 0, 2, 1),
        new(Target.M68k, "m68k", 4, 2, 2, true, 14, 0, 1, 2, bitFieldTypeMatters: false, zeroWidthBitFieldAlign: 2),
        new(Target.Sh4, "sh4", 4, 4, 8, false, 14, 0, 1, 2),
        new(Target.Arc, "arc", 4, 4, 8, false, 14, 0, 1, 2),
    };
}

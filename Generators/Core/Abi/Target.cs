using System.Collections.Immutable;

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

/// <summary>The request-number encoding families (ABI-NOTES, "Request numbers").</summary>
internal enum EncodingFamily
{
    /// <summary>asm-generic/ioctl.h: 14 size bits, 2 direction bits; NONE 0, WRITE 1, READ 2.</summary>
    Generic,
    /// <summary>powerpc and mips: 13 size bits, 3 direction bits; NONE 1, READ 2, WRITE 4.</summary>
    PowerPcMips,
}

/// <summary>The facts of one target ABI that C struct layout and request encoding depend on.</summary>
internal sealed class TargetAbi
{
    private TargetAbi(Target target, string name, int pointerSize, int int64Align, EncodingFamily encoding)
    {
        Target = target;
        Name = name;
        PointerSize = pointerSize;
        Int64Align = int64Align;
        Encoding = encoding;
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

    public bool IsIlp32 => PointerSize == 4;

    public static readonly TargetAbi X86_64 = new(Target.X86_64, "x86_64", 8, 8, EncodingFamily.Generic);
    public static readonly TargetAbi I386 = new(Target.I386, "i386", 4, 4, EncodingFamily.Generic);
    public static readonly TargetAbi Aarch64 = new(Target.Aarch64, "aarch64", 8, 8, EncodingFamily.Generic);
    public static readonly TargetAbi Arm32 = new(Target.Arm32, "arm32", 4, 8, EncodingFamily.Generic);
    public static readonly TargetAbi Ppc64le = new(Target.Ppc64le, "ppc64le", 8, 8, EncodingFamily.PowerPcMips);
    public static readonly TargetAbi Riscv64 = new(Target.Riscv64, "riscv64", 8, 8, EncodingFamily.Generic);
    public static readonly TargetAbi Mips32 = new(Target.Mips32, "mips32", 4, 8, EncodingFamily.PowerPcMips);

    /// <summary>Every target, in <see cref="Target"/> order.</summary>
    public static readonly ImmutableArray<TargetAbi> All = ImmutableArray.Create(X86_64, I386, Aarch64, Arm32, Ppc64le, Riscv64, Mips32);

    /// <summary>The targets .NET's own layout of a declared struct must equal (the 64-bit processes IoctlSharp supports natively).</summary>
    public static readonly ImmutableArray<TargetAbi> Native64 = ImmutableArray.Create(X86_64, Aarch64);
}

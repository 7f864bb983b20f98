// probe/layout-rules.h: layout rules the kernel headers above do not exercise, declared with IoctlSharp.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IoctlSharp.Conformance.Tests.Headers.LayoutRules;

[AbiStruct(Packed = true)]
public partial struct RulesPackedAlignedTail
{
    [AbiAlign(8)] public ulong X;
    public byte C;
}

[AbiStruct(Pack = 1)]
public partial struct RulesPragma1AlignedTail
{
    [AbiAlign(8)] public ulong X;
    public byte C;
}

[AbiStruct(Pack = 2)]
public partial struct RulesPragma2
{
    public ushort A;
    public uint B;
    public ulong C;
    public ushort D;
}

[AbiStruct(ExpectedSize = 16)]
public partial struct RulesAlignedU64
{
    public uint A;
    [AbiAlign(8)] public ulong B;
}

// 12 bytes on i386, 16 on every other target (arm32 and mips32 included).
[AbiStruct(ExpectedSize64 = 16)]
public partial struct RulesU64AfterU32
{
    public uint A;
    public ulong B;
}

[AbiStruct]
public partial struct RulesDouble
{
    public byte C;
    public double D;
    public float F;
}

[AbiStruct(Align = 16, ExpectedSize = 16)]
public partial struct RulesOveraligned
{
    public uint A;
}

[AbiStruct, FlexibleArray(typeof(ulong), Name = "Items")]
public partial struct RulesFlex
{
    public uint N;
    public byte Kind;
}

[AbiStruct, FlexibleArray(typeof(RulesAlignedU64), Name = "Entries")]
public partial struct RulesFlexStructs
{
    public ushort Count;
}

[AbiStruct]
public unsafe partial struct RulesScalars
{
#pragma warning disable ISH120 // _Bool's layout is what this struct checks against gcc
    public bool B;
#pragma warning restore ISH120
    public CLong L;
    public CULong Ul;
    public nuint Sz;
    public nint Ssz;
    public void* P;
    public byte C;
}

[InlineArray(3)]
public struct ThreePairs { private RulesU64AfterU32 _e; }

[InlineArray(2)]
public struct TwoPointers { private nuint _e; }

[AbiStruct]
public unsafe partial struct RulesArrays
{
    public byte C;
    public ThreePairs Pairs;
    public TwoPointers Ptrs;
    public fixed short Shorts[3];
}

[AbiUnion]
public unsafe partial struct RulesUnion
{
    [FieldOffset(0)] public uint A;
    [FieldOffset(0)] public void* P;
    [FieldOffset(0)] public CLong L;
    [FieldOffset(0)] public fixed byte Bytes[6];
}

[AbiUnion(Packed = true)]
public partial struct RulesPackedUnion
{
    [FieldOffset(0)] public uint A;
    [FieldOffset(0)] public ulong B;
}

[AbiStruct]
public unsafe partial struct RulesHoldsPackedUnion
{
    public byte Tag;
    public fixed byte Pad[3];
    public RulesPackedUnion U;
    public ushort Tail;
}

[AbiStruct(ExpectedSize = 8191)]
public unsafe partial struct RulesBig
{
    public fixed byte Data[8191];
}

[IoctlGroup('r')]
public static partial class Rules
{
    [IoctlRead(1, Name = "RULES_IOR_BIG")]
    public static partial void ReadBig(SafeHandle fd, out RulesBig big);

    [IoctlWrite(2, SizeOf = typeof(CLong), Name = "RULES_IOW_LONG")]
    public static partial void WriteLong(SafeHandle fd, in int value);

    [Ioctl(IoctlDirection.Write, 3, Size = 0, Name = "RULES_IOC_WRITE_0")]
    public static partial void Write0(SafeHandle fd);

    [IoctlReadWrite(4, Name = "RULES_IOWR_SCALARS")]
    public static partial void Scalars(SafeHandle fd, ref RulesScalars scalars);

    [IoctlWrite(5, Name = "RULES_IOW_FLEX")]
    public static partial void Flex(SafeHandle fd, in RulesFlex flex);

    [Ioctl(IoctlDirection.Read, 6, Size = 7, Name = "RULES_IOC_READ_7")]
    public static partial void Read7(SafeHandle fd, Span<byte> buffer);
}

[IoctlGroup(0xFF)]
public static partial class RulesTop
{
    [IoctlRead(0xFF, Name = "RULES_IOR_TOP")]
    public static partial void ReadTop(SafeHandle fd, out ulong value);

    [IoctlNone(0xFF, Name = "RULES_IO_TOP")]
    public static partial void Top(SafeHandle fd);
}

// Bit-fields (gcc's rules per target: the engine's PlaceBitFields). Each storage member covers its bit-fields'
// bytes on x86_64 and aarch64, where .NET lays it out.

// A bit-field that would cross its type's boundary starts at the next one (not on m68k).
[AbiStruct]
public partial struct RulesBitsStraddle
{
    [AbiBitField("a", 20)] public uint Unit0;
    [AbiBitField("b", 20), AbiBitField("c", typeof(ushort), 9)] public uint Unit1;
    [AbiBitField("d", typeof(ushort), 9)] public ushort Unit2;
    public byte E;
}

// 64-bit allocation units: 8-byte aligned units on x86_64, 4-byte on i386 (b straddles there), signed bit-fields.
[AbiStruct]
public partial struct RulesBitsU64
{
    [AbiBitField("a", 40)] public ulong Unit0;
    [AbiBitField("b", typeof(ulong), 30)] public uint Unit1;
    [AbiBitField("c", typeof(int), 5)] public byte Unit2;
    public byte D;
}

// A packed struct: bit after bit, no boundary.
[AbiStruct(Packed = true)]
public partial struct RulesBitsPacked
{
    public byte A;
    [AbiBitField("b", 12), AbiBitField("c", 20)] public uint Unit1;
    public ushort D;
}

// Zero-width and unnamed bit-fields; _Bool.
[AbiStruct]
public partial struct RulesBitsZero
{
    [AbiBitField("a", 3)] public byte Unit0;
    [AbiBitField(null, 0), AbiBitField("b", 4), AbiBitField(null, 2), AbiBitField("c", typeof(bool), 1)] public byte Unit1;
    public ushort D;
}

// Bit-fields after a pointer: elsewhere on ILP32 targets, at the same place in their storage (the twins convert them).
[AbiStruct(AllowAbiDifferences = true)]
public unsafe partial struct RulesBitsAfterPointer
{
    public void* P;
    [AbiBitField("a", 5), AbiBitField("b", 7), AbiBitField("c", typeof(int), 20)] public uint Unit0;
}

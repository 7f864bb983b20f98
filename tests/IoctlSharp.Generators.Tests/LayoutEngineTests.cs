using System;
using System.Linq;
using System.Threading;
using IoctlSharp.Generators.Abi;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// The layout engine and request encoding on the facts in shared/docs/ABI-NOTES.md (each taken from the kernel
/// headers); the conformance suite checks far more against gcc itself.
/// </summary>
public class LayoutEngineTests
{
    private static AggregateLayout Layout(string source, string type, Target target)
    {
        var compilation = Harness.Compile("using System; using System.Runtime.InteropServices; using IoctlSharp;\n" + source);
        var symbol = compilation.GetTypeByMetadataName(type)!;
        var parser = new Parser(CancellationToken.None);
        var model = parser.ParseStruct(symbol);
        Assert.True(model?.Aggregate is not null, string.Join("\n", parser.Diagnostics));
        return LayoutEngine.Layout(model!.Aggregate!, TargetAbi.All[(int)target]);
    }

    private const string SpaceResv = """
        // struct space_resv { __s16 l_type; __s16 l_whence; __s64 l_start; __s64 l_len; __s32 l_sysid; __u32 l_pid; __s32 l_pad[4]; };
        [AbiStruct] public unsafe partial struct SpaceResv
        {
            public short LType; public short LWhence; public long LStart; public long LLen;
            public int LSysid; public uint LPid; public fixed int LPad[4];
        }
        """;

    [Theory]
    [InlineData(AbiTarget.X86_64, 48, 8)]
    [InlineData(AbiTarget.I386, 44, 4)]   // 64-bit integers are 4-byte aligned inside i386 structs
    [InlineData(AbiTarget.Arm32, 48, 8)]  // ... but 8-byte aligned on arm32 EABI
    [InlineData(AbiTarget.Mips32, 48, 8)]
    [InlineData(AbiTarget.Aarch64, 48, 8)]
    public void SpaceResvIs44BytesOnI386And48Elsewhere(AbiTarget target, int size, int startOffset)
    {
        var layout = Layout(SpaceResv, "SpaceResv", (Target)target);
        Assert.Equal(size, layout.Size);
        Assert.Equal(startOffset, layout.Fields[2].Offset);
    }

    [Theory]
    [InlineData(AbiTarget.X86_64, 32, new[] { 0, 4, 8, 16, 24 })]
    [InlineData(AbiTarget.I386, 24, new[] { 0, 4, 8, 16, 20 })]
    [InlineData(AbiTarget.Arm32, 24, new[] { 0, 4, 8, 16, 20 })]
    public void PointersAreFourBytesOnIlp32(AbiTarget target, int size, int[] offsets)
    {
        var layout = Layout("""
            [AbiStruct] public unsafe partial struct PrivcmdMmapbatchV2 { public uint Num; public ushort Dom; public ulong Addr; public CULong* Arr; public int* Err; }
            """, "PrivcmdMmapbatchV2", (Target)target);
        Assert.Equal(size, layout.Size);
        Assert.Equal(offsets, layout.Fields.Select(f => f.Offset));
    }

    [Fact]
    public void PackedStructsAndUnionsHaveAlignmentOne()
    {
        const string source = """
            [AbiUnion(Pack = 1)] public partial struct U { [FieldOffset(0)] public uint A; [FieldOffset(0)] public ulong B; }
            [AbiStruct(Pack = 1)] public partial struct P { public uint Type; public U Value; }
            """;
        foreach (var target in Enum.GetValues<Target>())
        {
            var layout = Layout(source, "P", target);
            Assert.Equal((12, 1, 4), (layout.Size, layout.Align, layout.Fields[1].Offset));
        }
    }

    [Fact]
    public void AlignedU64ForcesEightOnI386()
    {
        var layout = Layout("[AbiStruct] public partial struct S { public uint A; [AbiAlign(8)] public ulong B; }", "S", Target.I386);
        Assert.Equal((16, 8, 8), (layout.Size, layout.Align, layout.Fields[1].Offset));
    }

    [Fact]
    public void FlexibleArrayAddsNoSizeButSetsAlignment()
    {
        const string source = "[AbiStruct, FlexibleArray(typeof(ulong))] public partial struct S { public uint Count; public byte Kind; }";
        var x64 = Layout(source, "S", Target.X86_64);
        Assert.Equal((8, 8, 8, 0), (x64.Size, x64.Align, x64.Flexible!.Offset, x64.Flexible.Size));
        var i386 = Layout(source, "S", Target.I386);
        Assert.Equal((8, 4, 8), (i386.Size, i386.Align, i386.Flexible!.Offset));
    }

    [Fact]
    public void PragmaPackTwoCapsAlignment()
    {
        var layout = Layout("[AbiStruct(Pack = 2)] public partial struct S { public byte A; public ulong B; public byte C; }", "S", Target.X86_64);
        Assert.Equal((12, 2, 2, 10), (layout.Size, layout.Align, layout.Fields[1].Offset, layout.Fields[2].Offset));
    }

    [Theory]
    // KVM_CREATE_VM is _IO(0xAE, 0x01): 0xAE01 on x86_64, 0x2000AE01 on powerpc and mips.
    [InlineData(false, 0, 0xAE, 0x01, 0, 0x0000AE01u)]
    [InlineData(true, 0, 0xAE, 0x01, 0, 0x2000AE01u)]
    // FS_IOC_GETFLAGS is _IOR('f', 1, long): 0x80086601 on x86_64, 0x80046601 on i386.
    [InlineData(false, 2, 'f', 1, 8, 0x80086601u)]
    [InlineData(false, 2, 'f', 1, 4, 0x80046601u)]
    // FS_IOC_RESVSP is _IOW('X', 40, struct space_resv): 0x40305828 natively, 0x402c5828 from i386.
    [InlineData(false, 1, 'X', 40, 48, 0x40305828u)]
    [InlineData(false, 1, 'X', 40, 44, 0x402C5828u)]
    // IOCTL_PRIVCMD_MMAPBATCH_V2 is _IOC(_IOC_NONE, 'P', 4, sizeof(...)): 0x00205004 vs 0x00185004.
    [InlineData(false, 0, 'P', 4, 32, 0x00205004u)]
    [InlineData(false, 0, 'P', 4, 24, 0x00185004u)]
    public void EncodesLikeTheKernelHeaders(bool powerPcOrMips, int direction, int type, int number, int size, uint expected)
        => Assert.Equal(expected, RequestEncoding.Encode(powerPcOrMips ? PowerPc : Generic, direction, type, number, size));

    [Fact]
    public void ASizeThatDoesNotFitIsRejectedNeverTruncated()
    {
        Assert.NotNull(RequestEncoding.Encode(Generic, 3, 'V', 7, 0x3FFF));
        Assert.Null(RequestEncoding.Encode(Generic, 3, 'V', 7, 0x4000));
        Assert.NotNull(RequestEncoding.Encode(PowerPc, 3, 'V', 7, 0x1FFF));
        Assert.Null(RequestEncoding.Encode(PowerPc, 3, 'V', 7, 0x2000));
    }

    private static EncodingFamily Generic => TargetAbi.X86_64.Encoding;

    private static EncodingFamily PowerPc => TargetAbi.All[(int)Target.Ppc64le].Encoding;
}

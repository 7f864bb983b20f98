using System.Linq;
using IoctlSharp.Generators.Tests.Verifiers;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// Every IoctlSharp diagnostic, on the exact span it must appear on, and a near miss where it must not fire:
/// the real headers' quirks (KVM_SET_IRQCHIP, VFIO's _IO, privcmd's _IOC(_IOC_NONE, ..., size), TUNSETPERSIST,
/// FS_IOC32_SETFLAGS) included.
/// </summary>
public class DiagnosticTests
{
    // ---------------------------------------------------------------- errors the parser reports

    [Theory]
    [InlineData("ISH101", "[AbiStruct] public struct [|S|] { public uint A; }", "[AbiStruct] public partial struct S { public uint A; }")]
    [InlineData("ISH101", "public class Outer { [AbiStruct] public partial struct [|S|] { public uint A; } }", "public partial class Outer { [AbiStruct] public partial struct S { public uint A; } }")]
    [InlineData("ISH102", "[AbiStruct] public partial struct S { public string [|Name|]; }", "[AbiStruct] public partial struct S { public byte Name; }")]
    [InlineData("ISH102", "[AbiStruct] public partial struct S { public char [|C|]; }", "[AbiStruct] public partial struct S { public ushort C; }")]
    [InlineData("ISH102", "public struct Plain { public int X; } [AbiStruct] public partial struct S { public Plain [|P|]; }", "[AbiStruct] public partial struct Plain { public int X; } [AbiStruct] public partial struct S { public Plain P; }")]
    [InlineData("ISH103", "[AbiStruct(ExpectedSize = 12)] public partial struct [|S|] { public uint A; public uint B; public ulong C; }", "[AbiStruct(ExpectedSize = 16)] public partial struct S { public uint A; public uint B; public ulong C; }")]
    [InlineData("ISH104", "[AbiStruct] public partial struct [|S|] { public uint A; [AbiAlign(16)] public ulong B; }", "[AbiStruct] public partial struct S { public ulong A; public ulong Pad; [AbiAlign(16)] public ulong B; public ulong Tail; }")]
    [InlineData("ISH105", "[AbiStruct] public unsafe partial struct [|S|] { public fixed ulong Data[300000000]; }", "[AbiStruct] public unsafe partial struct S { public fixed ulong Data[300]; }")]
    [InlineData("ISH106", "[AbiStruct(Pack = 3)] public partial struct [|S|] { public uint A; }", "[AbiStruct(Pack = 4)] public partial struct S { public uint A; }")]
    [InlineData("ISH106", "[AbiStruct] public partial struct S { [AbiAlign(3)] public uint [|A|]; }", "[AbiStruct] public partial struct S { [AbiAlign(4)] public uint A; }")]
    [InlineData("ISH107", "[AbiUnion] public partial struct U { public uint [|A|]; [FieldOffset(0)] public ulong B; }", "[AbiUnion] public partial struct U { [FieldOffset(0)] public uint A; [FieldOffset(0)] public ulong B; }")]
    [InlineData("ISH108", "[AbiStruct, StructLayout(LayoutKind.Sequential, Pack = 1)] public partial struct [|S|] { public uint A; }", "[AbiStruct(Pack = 1)] public partial struct S { public uint A; }")]
    [InlineData("ISH109", "[AbiStruct] public partial struct [|S|] { }", "[AbiStruct] public partial struct S { public uint A; }")]
    [InlineData("ISH110", "[AbiStruct] public partial struct [|S|]<T> { public uint A; }", "[AbiStruct] public partial struct S { public uint A; }")]
    [InlineData("ISH106", "[IoctlGroup(256)] public static partial class [|G|] { [IoctlNone(1)] public static partial int Get(SafeHandle fd); }", "[IoctlGroup(255)] public static partial class G { [IoctlNone(1)] public static partial int Get(SafeHandle fd); }")]
    [InlineData("ISH106", "[IoctlGroup(-1)] public static partial class [|G|] { [IoctlNone(1)] public static partial int Get(SafeHandle fd); }", "[IoctlGroup(0)] public static partial class G { [IoctlNone(1)] public static partial int Get(SafeHandle fd); }")]
    [InlineData("ISH106", "[IoctlGroup(1)] public static partial class G { [IoctlNone(256)] public static partial int [|Get|](SafeHandle fd); }", "[IoctlGroup(1)] public static partial class G { [IoctlNone(255)] public static partial int Get(SafeHandle fd); }")]
    [InlineData("ISH201", "[IoctlGroup(1)] public partial class G { [IoctlNone(1)] public partial int [|Get|](SafeHandle fd); }", "[IoctlGroup(1)] public static partial class G { [IoctlNone(1)] public static partial int Get(SafeHandle fd); }")]
    [InlineData("ISH202", "public static partial class G { [IoctlNone(1)] public static partial int [|Get|](SafeHandle fd); }", "[IoctlGroup(1)] public static partial class G { [IoctlNone(1)] public static partial int Get(SafeHandle fd); }")]
    [InlineData("ISH206", "[AbiStruct] public partial struct Arg { public uint A; } [IoctlGroup(1)] public static partial class G { [IoctlWrite(1)] public static partial void [|Set|](SafeHandle fd, Arg arg); }", "[AbiStruct] public partial struct Arg { public uint A; } [IoctlGroup(1)] public static partial class G { [IoctlWrite(1)] public static partial void Set(SafeHandle fd, in Arg arg); }")]
    [InlineData("ISH206", "[IoctlGroup(1)] public static partial class G { [IoctlNone(1, SizeOf = typeof(int))] public static partial void [|Get|](SafeHandle fd); }", "[IoctlGroup(1)] public static partial class G { [Ioctl(IoctlDirection.None, 1, SizeOf = typeof(int))] public static partial void Get(SafeHandle fd); }")]
    public void ErrorOnItsSpanAndNotOnTheFixedDeclaration(string id, string bad, string good)
    {
        DiagnosticVerifier.Verify(bad, id);
        DiagnosticVerifier.Verify(good, id);
    }

    /// <summary>The largest size each family holds is accepted; one byte more is ISH205, naming the target and the limit.</summary>
    [Theory]
    [InlineData(8191, null, null)]
    [InlineData(8192, "ppc64le", 8191)]
    [InlineData(16383, "ppc64le", 8191)]
    [InlineData(16384, "x86_64", 16383)]
    [InlineData(int.MaxValue, "x86_64", 16383)]
    public void SizeFieldLimits(int size, string? target, int? max)
    {
        string Declare(string mark) => "[IoctlGroup(1)] public static partial class G { [Ioctl(IoctlDirection.Read, 1, Size = " + size
            + ")] public static partial void " + mark + "(SafeHandle fd, Span<byte> buffer); }";
        if (target is null)
        {
            DiagnosticVerifier.Verify(Declare("Get"), "ISH205");
            return;
        }

        var diagnostic = Assert.Single(DiagnosticVerifier.Verify(Declare("[|Get|]"), "ISH205"));
        Assert.Contains($"a size of {size} bytes on {target}", diagnostic.GetMessage());
        Assert.Contains($"(at most {max})", diagnostic.GetMessage());
    }

    [Fact]
    public void SizeFieldLimitsFromAStruct()
    {
        const string Group = "[IoctlGroup(1)] public static partial class G { [IoctlRead(1)] public static partial void {0}(SafeHandle fd, out Big big); }";
        DiagnosticVerifier.Verify("[AbiStruct] public unsafe partial struct Big { public fixed byte Data[8191]; }" + Group.Replace("{0}", "Get"), "ISH205");
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify(
            "[AbiStruct] public unsafe partial struct Big { public fixed byte Data[8192]; }" + Group.Replace("{0}", "[|Get|]"), "ISH205"));
        Assert.Contains("8192 bytes on ppc64le does not fit the 13-bit size field (at most 8191)", diagnostic.GetMessage());
    }

    [Fact]
    public void ExpectedSizeMismatchNamesTheComputedSize()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify(
            "[AbiStruct(ExpectedSize = 12)] public partial struct [|S|] { public uint A; public uint B; public ulong C; }", "ISH103"));
        Assert.Equal("'S' declares a size of 12 bytes, but its C layout is 16 bytes on x86_64", diagnostic.GetMessage());
        Assert.Equal("16", diagnostic.Properties["Size"]);
    }

    // ---------------------------------------------------------------- ISH120: bool

    [Fact]
    public void BoolField()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify(
            "[AbiStruct] public partial struct VmmDevMemory { public uint Size; public bool [|HaveEvents|]; public byte A, B, C; }", "ISH120"));
        Assert.Contains("Field 'HaveEvents' of 'VmmDevMemory' is bool (C _Bool)", diagnostic.GetMessage());
    }

    [Fact]
    public void BoolFixedBuffer() => DiagnosticVerifier.Verify(
        "[AbiStruct] public unsafe partial struct S { public fixed bool [|Flags|][4]; }", "ISH120");

    [Fact]
    public void ByteFlagIsFine() => DiagnosticVerifier.Verify(
        "[AbiStruct] public partial struct VmmDevMemory { public uint Size; public byte HaveEvents; public byte A, B, C; }", "ISH120");

    // ---------------------------------------------------------------- ISH121: implicit padding

    [Fact]
    public void HoleBeforeAMember()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify(
            "[AbiStruct] public partial struct S { public byte Flag; public uint [|Value|]; }", "ISH121"));
        Assert.Equal("'S' has implicit padding before 'Value': 3 bytes at offset 1 on x86_64, i386, aarch64, arm32, ppc64le, riscv64, s390x; "
                     + "declare it as an explicit field, as kernel ABI structs do", diagnostic.GetMessage());
    }

    [Fact]
    public void HoleOnSomeTargetsOnly()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify(
            "[AbiStruct(AllowAbiDifferences = true)] public partial struct S { public uint A; public ulong [|B|]; }", "ISH121"));
        Assert.Contains("4 bytes at offset 4 on x86_64, aarch64, arm32, ppc64le, riscv64, s390x;", diagnostic.GetMessage());
        Assert.DoesNotContain("i386", diagnostic.GetMessage());
    }

    [Fact]
    public void TailPadding()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify(
            "[AbiStruct(AllowAbiDifferences = true)] public partial struct [|S|] { public ulong A; public uint B; }", "ISH121"));
        Assert.Contains("at its end: 4 bytes at offset 12 on x86_64", diagnostic.GetMessage());
    }

    [Fact]
    public void ExplicitPaddingAndUnionsHaveNoHoles() => DiagnosticVerifier.Verify("""
        [AbiStruct] public partial struct KvmMsrEntry { public uint Index; public uint Reserved; public ulong Data; }
        [AbiUnion] public partial struct U { [FieldOffset(0)] public uint A; [FieldOffset(0)] public ulong B; }
        [AbiStruct(Pack = 1)] public partial struct Packed { public byte A; public ulong B; }
        """, "ISH121");

    // ---------------------------------------------------------------- ISH122: i386 differs from x86_64

    [Fact]
    public void U64AfterU32()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify(
            "[AbiStruct] public partial struct S { public uint A; public ulong [|B|]; }", "ISH122"));
        Assert.Equal("'S': the offset of 'B' is 4 on i386 but 8 on x86_64, because i386 aligns 64-bit members to 4 bytes; "
                     + "declare it [AbiAlign(8)] (like __aligned_u64) or insert 4 bytes of explicit padding before it, "
                     + "or set AllowAbiDifferences = true if the difference is intended", diagnostic.GetMessage());
    }

    [Fact]
    public void SizeDiffersOnly()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify(
            "[AbiStruct] public partial struct [|SpaceResvTail|] { public long Start; public int Len; }", "ISH122"));
        Assert.Contains("the size is 12 on i386 but 16 on x86_64", diagnostic.GetMessage());
    }

    [Fact]
    public void NestedStructHoldingAU64() => DiagnosticVerifier.Verify("""
        [AbiStruct] public partial struct Inner { public ulong Value; }
        [AbiStruct] public partial struct Outer { public uint Tag; public Inner [|Item|]; }
        """, "ISH122");

    [Fact]
    public void DoubleAfterU32() => DiagnosticVerifier.Verify(
        "[AbiStruct] public partial struct S { public int A; public double [|D|]; }", "ISH122");

    [Fact]
    public void AlignedPaddedPackedOrOptedOutAgree() => DiagnosticVerifier.Verify("""
        [AbiStruct] public partial struct Aligned { public uint A; [AbiAlign(8)] public ulong B; }
        [AbiStruct] public partial struct Padded { public uint A; public uint Pad; public ulong B; }
        [AbiStruct(Pack = 4)] public partial struct Packed { public uint A; public ulong B; }
        [AbiStruct(AllowAbiDifferences = true)] public partial struct Intended { public uint A; public ulong B; }
        [AbiStruct(Align = 8)] public partial struct TailAligned { public ulong A; public uint B; }
        """, "ISH122");

    /// <summary>privcmd_mmapbatch_v2 differs between i386 and x86_64 only through its pointers: that is ISH123's.</summary>
    [Fact]
    public void PointersAloneAreNotAnAlignmentProblem() => DiagnosticVerifier.Verify("""
        [AbiStruct(ExpectedSize32 = 24, ExpectedSize64 = 32)]
        public unsafe partial struct PrivcmdMmapbatchV2 { public uint Num; public ushort Dom; public ulong Addr; public CULong* Arr; public int* Err; }
        """, "ISH122");

    // ---------------------------------------------------------------- ISH123: pointer-sized members

    [Fact]
    public void PointersAndLongs()
    {
        var diagnostics = DiagnosticVerifier.Verify("""
            [AbiStruct(ExpectedSize32 = 24, ExpectedSize64 = 32)]
            public unsafe partial struct PrivcmdMmapbatchV2 { public uint Num; public ushort Dom; public ulong Addr; public CULong* [|Arr|]; public int* [|Err|]; }
            [AbiStruct] public partial struct Longs { public CLong [|Signed|]; public CULong [|Unsigned|]; public nuint [|Size|]; public nint [|Count|]; }
            """, "ISH123");
        Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("Field 'Arr' of 'PrivcmdMmapbatchV2' is a user pointer (void *): 4 bytes on i386, arm32 and mips32 but 8 on the 64-bit targets"));
        Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("Field 'Signed' of 'Longs' is C long:"));
    }

    [Fact]
    public void U64AddressesOrOptedOut() => DiagnosticVerifier.Verify("""
        [AbiStruct] public partial struct UffdioCopy { public ulong Dst; public ulong Src; public ulong Len; public ulong Mode; public long Copy; }
        [AbiStruct(AllowAbiDifferences = true)] public unsafe partial struct Native { public void* Buffer; public nuint Length; }
        """, "ISH123");

    // ---------------------------------------------------------------- ISH124: no expected size

    [Fact]
    public void NoExpectedSize()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify("[AbiStruct] public partial struct [|S|] { public uint A; }", "ISH124"));
        Assert.Equal("'S' declares no expected size; its C layout is 4 bytes on every target", diagnostic.GetMessage());
    }

    [Fact]
    public void AnyExpectedSizeCounts() => DiagnosticVerifier.Verify("""
        [AbiStruct(ExpectedSize = 4)] public partial struct A { public uint X; }
        [AbiStruct(ExpectedSize64 = 8)] public partial struct B { public nuint X; }
        [AbiUnion(ExpectedSize32 = 4)] public partial struct C { [FieldOffset(0)] public nuint X; }
        """, "ISH124");

    // ---------------------------------------------------------------- ISH220: the same request twice

    [Fact]
    public void CopyPastedRequest()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify("""
            [AbiStruct(ExpectedSize = 8)] public partial struct Arg { public uint A; public uint B; }
            [IoctlGroup(0xAE)] public static partial class G
            {
                [IoctlRead(0x10)] public static partial void GetA(SafeHandle fd, out Arg arg);
                [IoctlRead(0x10)] public static partial void [|GetB|](SafeHandle fd, out Arg arg);
            }
            """, "ISH220"));
        Assert.Equal("Ioctls 'GetA' and 'GetB' of 'G' both have direction Read and nr 0x10 with the same size, so they are the same "
                     + "request on every target under two names; one is probably a copy-paste error (if both declare one request, "
                     + "give them the same Name)", diagnostic.GetMessage());
    }

    [Fact]
    public void OneRequestDeclaredTwiceOnPurpose() => DiagnosticVerifier.Verify("""
        [IoctlGroup(0xAE)] public static partial class Kvm
        {
            [IoctlNone(0x80, Name = "KVM_RUN")] public static partial void Run(SafeHandle vcpu);
            [IoctlNone(0x80, Name = "KVM_RUN")] public static partial IoctlResult TryRun(SafeHandle vcpu);
        }
        """, "ISH220");

    [Fact]
    public void SameNumberDifferentDirectionOrCompatSize() => DiagnosticVerifier.Verify("""
        [AbiStruct(ExpectedSize = 8)] public partial struct Arg { public uint A; public uint B; }
        [IoctlGroup(0xAE)] public static partial class G
        {
            [IoctlRead(0x10)] public static partial void Get(SafeHandle fd, out Arg arg);
            [IoctlWrite(0x10)] public static partial void Set(SafeHandle fd, in Arg arg);
        }

        // FS_IOC_SETFLAGS is _IOW('f', 2, long) and FS_IOC32_SETFLAGS _IOW('f', 2, int): one number on i386, two on x86_64.
        [IoctlGroup('f')] public static partial class Fs
        {
            [IoctlWrite(2, SizeOf = typeof(CLong), Name = "FS_IOC_SETFLAGS")] public static partial void SetFlags(SafeHandle file, in int flags);
            [IoctlWrite(2, Name = "FS_IOC32_SETFLAGS")] public static partial void SetFlags32(SafeHandle file, in int flags);
        }
        """, "ISH220");

    // ---------------------------------------------------------------- ISH221: argument modifier against the encoding

    [Fact]
    public void ByValueWhereTheDriverWrites()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify("""
            [IoctlGroup('f')] public static partial class Fs
            {
                [IoctlRead(1, Name = "FS_IOC_GETFLAGS")] public static partial void [|GetFlags|](SafeHandle file, int flags);
            }
            """, "ISH221"));
        Assert.Contains("'flags' is passed by value", diagnostic.GetMessage());
        Assert.Contains("_IOR('f', 0x01, __s32)", diagnostic.GetMessage());
    }

    [Fact]
    public void OutWhereTheDriverOnlyReads()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify("""
            [AbiStruct(ExpectedSize = 32)] public partial struct KvmUserspaceMemoryRegion { public uint Slot; public uint Flags; public ulong GuestPhysAddr; public ulong MemorySize; public ulong UserspaceAddr; }
            [IoctlGroup(0xAE)] public static partial class Kvm
            {
                [IoctlWrite(0x46)] public static partial void [|SetUserMemoryRegion|](SafeHandle vm, out KvmUserspaceMemoryRegion region);
            }
            """, "ISH221"));
        Assert.Contains("'region' is out, so it reaches the driver uninitialized", diagnostic.GetMessage());
    }

    /// <summary>What real headers do must not be flagged: the direction bits are the header's spelling, not the data flow.</summary>
    [Fact]
    public void RealHeaderQuirks() => DiagnosticVerifier.Verify("""
        [AbiStruct(ExpectedSize = 520)] public unsafe partial struct KvmIrqchip { public uint ChipId; public uint Pad; public fixed byte Chip[512]; }
        [AbiStruct(ExpectedSize = 32)] public partial struct VfioIommuType1DmaMap { public uint Argsz; public uint Flags; public ulong Vaddr; public ulong Iova; public ulong Size; }
        [AbiStruct(ExpectedSize32 = 24, ExpectedSize64 = 32)]
        public unsafe partial struct PrivcmdMmapbatchV2 { public uint Num; public ushort Dom; public ulong Addr; public CULong* Arr; public int* Err; }

        [IoctlGroup(0xAE)] public static partial class Kvm
        {
            // KVM_SET_IRQCHIP is _IOR(KVMIO, 0x63, struct kvm_irqchip), yet the kernel reads the argument.
            [IoctlRead(0x63, Name = "KVM_SET_IRQCHIP")] public static partial void SetIrqchip(SafeHandle vm, in KvmIrqchip chip);
            [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION")] public static partial int CheckExtension(SafeHandle kvm, int extension);
        }

        // VFIO passes structs through _IO.
        [IoctlGroup(';')] public static partial class Vfio
        {
            [IoctlNone(100 + 13, Name = "VFIO_IOMMU_MAP_DMA")] public static partial void MapDma(SafeHandle container, ref VfioIommuType1DmaMap map);
        }

        // _IOC(_IOC_NONE, 'P', 4, sizeof(struct privcmd_mmapbatch_v2)).
        [IoctlGroup('P')] public static partial class Privcmd
        {
            [Ioctl(IoctlDirection.None, 4, Name = "IOCTL_PRIVCMD_MMAPBATCH_V2")] public static partial void MmapBatchV2(SafeHandle privcmd, ref PrivcmdMmapbatchV2 batch);
        }

        // TUNSETPERSIST is _IOW('T', 203, int), and the driver takes the int as the argument itself.
        [IoctlGroup('T')] public static partial class Tun
        {
            [IoctlWrite(203, Name = "TUNSETPERSIST")] public static partial void SetPersist(SafeHandle tun, int persist);
        }

        // FS_IOC_GETFLAGS is _IOR('f', 1, long) while the kernel writes an int.
        [IoctlGroup('f')] public static partial class Fs
        {
            [IoctlRead(1, SizeOf = typeof(CLong), Name = "FS_IOC_GETFLAGS")] public static partial void GetFlags(SafeHandle file, out int flags);
            [IoctlReadWrite(3)] public static partial void Exchange(SafeHandle file, ref int value);
            [IoctlRead(4)] public static unsafe partial void Raw(SafeHandle file, int* value);
        }
        """, "ISH221", "ISH220");
}

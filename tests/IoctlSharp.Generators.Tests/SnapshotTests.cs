using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// What the generator writes for each kind of declaration, compared with reviewed snapshots. Each case also
/// proves the output compiles with no warning and no analyzer diagnostic.
/// </summary>
public class SnapshotTests
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing System.Runtime.CompilerServices;\nusing IoctlSharp;\n";

    private static void Verify(string name, string source)
    {
        var result = Harness.Run(Usings + source).AssertClean();
        Snapshot.Match(result.Sources, name);
        Harness.AssertSecondRunIsCached(Usings + source);
    }

    [Fact]
    public void PlainStruct() => Verify(nameof(PlainStruct), """
        namespace Uffd;

        [AbiStruct(ExpectedSize = 24)]
        public partial struct UffdioApi
        {
            public ulong Api;
            public ulong Features;
            public ulong Ioctls;
        }
        """);

    [Fact]
    public void BitFields() => Verify(nameof(BitFields), """
        namespace Kvm;

        // asm/kvm.h, kvm_ioapic_state.redirtbl[].fields
        [AbiStruct(ExpectedSize = 8)]
        public unsafe partial struct IoapicRedirection
        {
            public byte Vector;
            [AbiBitField("delivery_mode", 3), AbiBitField("dest_mode", 1), AbiBitField("delivery_status", 1)]
            [AbiBitField("polarity", 1), AbiBitField("remote_irr", 1), AbiBitField("trig_mode", 1)]
            public byte ModeBits;
            [AbiBitField("mask", 1), AbiBitField(null, 2), AbiBitField("level", typeof(sbyte), 5)]
            public byte MaskBits;
            public fixed byte Reserved[4];
            public byte DestId;
        }
        """);

    [Fact]
    public void NestedStructAndFixedArray() => Verify(nameof(NestedStructAndFixedArray), """
        namespace Kvm;

        [AbiStruct(ExpectedSize = 24)]
        public partial struct KvmSegment
        {
            public ulong Base;
            public uint Limit;
            public ushort Selector;
            public byte Type, Present, Dpl, Db, S, L, G, Avl, Unusable, Padding;
        }

        [AbiStruct(ExpectedSize = 16)]
        public unsafe partial struct KvmDtable
        {
            public ulong Base;
            public ushort Limit;
            public fixed ushort Padding[3];
        }

        [AbiStruct(ExpectedSize = 88)]
        public unsafe partial struct Sregs
        {
            public KvmSegment Cs;
            public KvmDtable Gdt;
            public ulong Cr0;
            public fixed ulong InterruptBitmap[5];
        }
        """);

    [Fact]
    public void Union() => Verify(nameof(Union), """
        namespace Unions;

        [AbiUnion]
        public partial struct Value
        {
            [FieldOffset(0)] public uint Value32;
            [FieldOffset(0)] public ulong Value64;
        }

        // u32 then a union holding a u64: the union sits at 4 on i386 (12 bytes in all) and at 8 elsewhere,
        // arm32 and mips32 included (16 bytes).
        [AbiStruct(ExpectedSize64 = 16, AllowAbiDifferences = true)]
        public partial struct Tagged
        {
            public uint Type;
            public Value U;
        }
        """);

    [Fact]
    public void PackedStructWithPointerSizedUnion() => Verify(nameof(PackedStructWithPointerSizedUnion), """
        namespace Vbox;

        // vmmdev_hgcm_function_parameter32/64 from one declaration: 12 bytes on ILP32, 16 on LP64.
        [AbiUnion(Pack = 1)]
        public partial struct LinearAddress
        {
            [FieldOffset(0)] public nuint PhysAddr;
            [FieldOffset(0)] public nuint LinearAddr;
        }

        [AbiStruct(Pack = 1)]
        public partial struct PointerParameter
        {
            public uint Size;
            public LinearAddress U;
        }

        [AbiStruct]
        public partial struct PageListParameter
        {
            public uint Size;
            public uint Offset;
        }

        // Type says which member of U is active: the 32-bit conversions translate that one only.
        [AbiUnion(Pack = 1)]
        public partial struct ParameterUnion
        {
            [FieldOffset(0), AbiCase(ParameterType.Bit32)] public uint Value32;
            [FieldOffset(0), AbiCase(ParameterType.Bit64)] public ulong Value64;
            [FieldOffset(0), AbiCase(ParameterType.LinAddr, ParameterType.LinAddrIn, ParameterType.LinAddrOut)] public PointerParameter Pointer;
            [FieldOffset(0), AbiCase(ParameterType.PageList)] public PageListParameter PageList;
        }

        public enum ParameterType : uint { Invalid = 0, Bit32 = 1, Bit64 = 2, LinAddr = 4, LinAddrIn = 5, LinAddrOut = 6, PageList = 10 }

        [AbiStruct(Pack = 1, ExpectedSize32 = 12, ExpectedSize64 = 16, CName = "vmmdev_hgcm_function_parameter")]
        public partial struct HgcmFunctionParameter
        {
            public ParameterType Type;
            [AbiDiscriminator(nameof(Type))] public ParameterUnion U;
        }
        """);

    [Fact]
    public void CompatTwinsOfFixedBuffersNestedStructsAndArrays() => Verify(nameof(CompatTwinsOfFixedBuffersNestedStructsAndArrays), """
        namespace Compat;

        // struct space_resv: 44 bytes on i386 (s64 4-aligned), 48 elsewhere; arm32 agrees with x86_64, so only an I386 twin.
        [AbiStruct(ExpectedSize64 = 48, AllowAbiDifferences = true)]
        public unsafe partial struct SpaceResv
        {
            public short Type;
            public short Whence;
            public long Start;
            public long Len;
            public int Sysid;
            public uint Pid;
            public fixed int Pad[4];
        }

        [AbiStruct]
        public unsafe partial struct Iovec
        {
            public void* Base;
            public nuint Len;
        }

        [InlineArray(2)]
        public struct TwoIovecs { private Iovec _element; }

        // Nested twins, an [InlineArray] of them, a C long and a pointer to a function.
        [AbiStruct(AllowAbiDifferences = true)]
        public unsafe partial struct Request
        {
            public SpaceResv Resv;
            public TwoIovecs Vecs;
            public CLong Offset;
            public delegate* unmanaged<int, void> Callback;
        }
        """);

    [Fact]
    public void FlexibleArrayMember() => Verify(nameof(FlexibleArrayMember), """
        namespace Kvm;

        [AbiStruct(ExpectedSize = 16)]
        public partial struct KvmMsrEntry
        {
            public uint Index;
            public uint Reserved;
            public ulong Data;
        }

        // struct kvm_msrs { __u32 nmsrs; __u32 pad; struct kvm_msr_entry entries[0]; };
        [AbiStruct(ExpectedSize = 8), FlexibleArray(typeof(KvmMsrEntry))]
        public partial struct KvmMsrs
        {
            public uint Nmsrs;
            public uint Pad;
        }

        // A flexible array that sets the alignment and tail padding: { __u32 n; __u64 pages[]; } is 8 bytes on LP64.
        [AbiStruct(AllowAbiDifferences = true), FlexibleArray(typeof(ulong), Name = "Pages")]
        public partial struct PageList
        {
            public uint Count;
        }
        """);

    [Fact]
    public void PointerAndLongMembers() => Verify(nameof(PointerAndLongMembers), """
        namespace Xen;

        [AbiStruct(ExpectedSize32 = 24, ExpectedSize64 = 32)]
        public unsafe partial struct PrivcmdMmapbatchV2
        {
            public uint Num;
            public ushort Dom;
            public ulong Addr;
            public CULong* Arr;
            public int* Err;
        }

        [AbiStruct(ExpectedSize32 = 12, ExpectedSize64 = 24)]
        public partial struct Longs
        {
            public CLong Signed;
            public CULong Unsigned;
            public nuint Size;
        }

        [InlineArray(2)]
        public struct TwoLongs { private Longs _element; }

        [AbiStruct]
        public partial struct LongPair
        {
            [AbiAlign(8)] public ulong Tag;
            public TwoLongs Items;
        }
        """);

    [Fact]
    public void RequestForms() => Verify(nameof(RequestForms), """
        namespace Requests;

        [AbiStruct]
        public partial struct Arg
        {
            public uint Argsz;
            public uint Flags;
            public ulong Iova;
        }

        [IoctlGroup(0xAE)]
        public static partial class Kvm
        {
            [IoctlNone(0x00, Name = "KVM_GET_API_VERSION")]
            public static partial int GetApiVersion(SafeHandle kvm);

            [IoctlNone(0x03, Name = "KVM_CHECK_EXTENSION")]
            public static partial int CheckExtension(SafeHandle kvm, int extension);

            [IoctlRead(0x81, Name = "READS")]
            public static partial void Get(SafeHandle fd, out Arg arg);

            [IoctlWrite(0x82, Name = "WRITES")]
            public static partial void Set(SafeHandle fd, in Arg arg);

            [IoctlReadWrite(0x83, Name = "READS_WRITES")]
            public static partial void Exchange(SafeHandle fd, ref Arg arg);

            [IoctlWrite(0x84)]
            public static unsafe partial void Raw(SafeHandle fd, Arg* arg);
        }

        // VFIO passes structs through _IO; Xen's privcmd spells _IOC(_IOC_NONE, 'P', 4, sizeof(struct ...)).
        [IoctlGroup(';')]
        public static partial class Vfio
        {
            [IoctlNone(100 + 13, Name = "VFIO_IOMMU_MAP_DMA")]
            public static partial void MapDma(SafeHandle container, ref Arg map);
        }

        [IoctlGroup('P')]
        public static partial class Privcmd
        {
            [Ioctl(IoctlDirection.None, 4, Name = "IOCTL_PRIVCMD_MMAPBATCH_V2")]
            public static partial void MmapBatchV2(SafeHandle privcmd, ref Arg batch);

            [Ioctl(IoctlDirection.None, 6, Size = 2, Name = "IOCTL_PRIVCMD_RESTRICT")]
            public static partial void Restrict(SafeHandle privcmd, ref ushort domid);
        }

        // FS_IOC_GETFLAGS is _IOR('f', 1, long) while the kernel reads and writes an int.
        [IoctlGroup('f')]
        public static partial class Fs
        {
            [IoctlRead(1, SizeOf = typeof(CLong), Name = "FS_IOC_GETFLAGS")]
            public static partial void GetFlags(SafeHandle file, out int flags);
        }

        // vboxguest builds the number from the size of the call: VBG_IOCTL_HGCM_CALL_64(s).
        [IoctlGroup('V')]
        public static partial class Vbg
        {
            [Ioctl(IoctlDirection.ReadWrite, 7, SizeAtCall = true, Name = "VBG_IOCTL_HGCM_CALL_64")]
            public static partial void HgcmCall64(SafeHandle vbg, Span<byte> call);

            [Ioctl(IoctlDirection.Write, 9, SizeAtCall = true, Name = "WRITE_ONLY_BUFFER")]
            internal static partial int Log(SafeHandle vbg, ReadOnlySpan<byte> message);
        }
        """);
}

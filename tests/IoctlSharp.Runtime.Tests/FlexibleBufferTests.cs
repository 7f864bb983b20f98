using System;
using System.Runtime.InteropServices;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary><c>struct { __u32 length; __u8 kind; __u8 data[]; }</c>: sizeof 8, but data starts at 5.</summary>
[AbiStruct(ExpectedSize = 8), FlexibleArray(typeof(byte), Name = "Data", CountField = nameof(Length))]
public partial struct ShortHeaderPacket
{
    public uint Length;
    public byte Kind;
}

/// <summary><c>struct { __u64 count; struct kvm_msr_entry entries[]; }</c>: a 64-bit count field.</summary>
[AbiStruct(ExpectedSize = 8), FlexibleArray(typeof(KvmMsrEntry), CountField = nameof(Count))]
public partial struct WideCountMsrs
{
    public ulong Count;
}

/// <summary>
/// A flexible buffer's count field is what the kernel reads to know how many entries follow the header: it is
/// checked against the buffer's capacity before any ioctl, so a count raised after the buffer was made can never
/// let the kernel write past it.
/// </summary>
public class FlexibleBufferTests
{
    private const uint SysenterCs = 0x174, SysenterEsp = 0x175;

    [Fact]
    public void KvmGetMsrsWithACountAboveTheCapacityIsRefusedAndTheBytesAfterTheBufferAreUntouched()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var vm = Kvm.CreateVm(kvm, 0);
        using var vcpu = Kvm.CreateVcpu(vm, 0);
        var set = new FlexibleBuffer<KvmMsrs, KvmMsrEntry>(2);
        set.Entries[0] = new KvmMsrEntry { Index = SysenterCs, Data = 0x10 };
        set.Entries[1] = new KvmMsrEntry { Index = SysenterEsp, Data = 0x1234_5678 };
        Assert.Equal(2, Kvm.SetMsrs(vcpu, set));

        // Storage for 4 entries; the buffer is laid over the first 2, and the other 2 are a canary: entries the
        // kernel would read and fill in (valid MSR indices) if it were told there are 4.
        byte[] storage = new byte[FlexibleBuffer<KvmMsrs, KvmMsrEntry>.SizeOf(4)];
        var msrs = new FlexibleBuffer<KvmMsrs, KvmMsrEntry>(storage, 2);
        msrs.Entries[0].Index = SysenterCs;
        msrs.Entries[1].Index = SysenterEsp;
        var canary = MemoryMarshal.Cast<byte, KvmMsrEntry>(storage.AsSpan(FlexibleBuffer<KvmMsrs, KvmMsrEntry>.SizeOf(2)));
        canary[0] = new KvmMsrEntry { Index = SysenterCs, Data = 0xCCCC_CCCC_CCCC_CCCC };
        canary[1] = new KvmMsrEntry { Index = SysenterEsp, Data = 0xCCCC_CCCC_CCCC_CCCC };
        byte[] before = storage.AsSpan(FlexibleBuffer<KvmMsrs, KvmMsrEntry>.SizeOf(2)).ToArray();

        msrs.Header.Nmsrs = 4;
        var e = Refused(msrs, b => { _ = Kvm.GetMsrs(vcpu, b); });
        Assert.Equal(before, storage.AsSpan(FlexibleBuffer<KvmMsrs, KvmMsrEntry>.SizeOf(2)).ToArray());
        Assert.Equal((4L, 2), (e.Count, e.Capacity));
        Assert.Contains("count is 4, but the buffer holds 2", e.Message);

        msrs.Header.Nmsrs = 2; // the same buffer, with a count it can hold, works
        Assert.Equal(2, Kvm.GetMsrs(vcpu, msrs));
        Assert.Equal((0x10ul, 0x1234_5678ul), (msrs.Entries[0].Data, msrs.Entries[1].Data));
        Assert.Equal(before, storage.AsSpan(FlexibleBuffer<KvmMsrs, KvmMsrEntry>.SizeOf(2)).ToArray());
    }

    [Fact]
    public void EveryPathToTheKernelChecksTheCount()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        var cpuid = new FlexibleBuffer<KvmCpuid2, KvmCpuidEntry2>(1);
        cpuid.Header.Nent = 2;
        Refused(cpuid, b => { _ = Kvm.TryGetSupportedCpuid(kvm, b); }); // the errno form too
        Refused(cpuid, b => { _ = Kvm.GetSupportedCpuid(kvm, b); });
        Refused(cpuid, b => { _ = Ioctl.TryInvokeSpan(kvm, Kvm.Requests.GetSupportedCpuid.Native, b.Bytes); });
        Refused(cpuid, b => { _ = b.Entries.Length; });
        Refused(cpuid, b => { _ = b.Count; });
        cpuid.Header.Nent = 1;
        Assert.Equal((1, 1), (cpuid.Count, cpuid.Entries.Length));
    }

    [Fact]
    public void ACountTheIntCannotHoldIsTheDocumentedExceptionNotAnOverflow()
    {
        var packet = new FlexibleBuffer<ShortHeaderPacket, byte>(3);
        packet.Header.Length = 0xFFFF_FFFF;
        var e = Refused(packet, b => { _ = b.Count; });
        Assert.Equal((0xFFFF_FFFFL, 3), (e.Count, e.Capacity));
        Assert.Contains("count is 4294967295", e.Message);
        Refused(packet, b => { _ = b.Bytes.Length; });

        var wide = new FlexibleBuffer<WideCountMsrs, KvmMsrEntry>(1);
        wide.Header.Count = ulong.MaxValue;
        Assert.Equal(long.MaxValue, Refused(wide, b => { _ = b.Entries.Length; }).Count);
        wide.Header.Count = 1;
        Assert.Equal(1, wide.Entries.Length);
    }

    [Fact]
    public void AByteArrayThatStartsInsideTheHeadersTailPaddingTakesEveryLength()
    {
        Assert.Equal((8, 5), (Marshal.SizeOf<ShortHeaderPacket>(), AbiLayout.Native<ShortHeaderPacket>().FlexibleArray!.Offset));
        for (int length = 0; length <= 12; length++)
        {
            var packet = new FlexibleBuffer<ShortHeaderPacket, byte>(length);
            // At least the header (the kernel reads sizeof of it), and the data where C puts it.
            Assert.Equal(Math.Max(8, 5 + length), FlexibleBuffer<ShortHeaderPacket, byte>.SizeOf(length));
            Assert.Equal(Math.Max(8, 5 + length), packet.Bytes.Length);
            Assert.Equal((uint)length, packet.Header.Length);
            Assert.Equal(length, packet.Entries.Length);
            Assert.True(packet.Capacity >= length);
            packet.Entries.Fill(0xAB);
            Assert.Equal(0, packet.Header.Kind);
        }
    }

    private delegate void BufferAction<T, TEntry>(FlexibleBuffer<T, TEntry> buffer)
        where T : unmanaged, IFlexibleArray<T, TEntry>
        where TEntry : unmanaged;

    /// <summary>What <paramref name="action"/> throws for <paramref name="buffer"/> (a ref struct, which no lambda can capture).</summary>
    private static FlexibleArrayCountException Refused<T, TEntry>(FlexibleBuffer<T, TEntry> buffer, BufferAction<T, TEntry> action)
        where T : unmanaged, IFlexibleArray<T, TEntry>
        where TEntry : unmanaged
    {
        try
        {
            action(buffer);
        }
        catch (FlexibleArrayCountException e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("the buffer was accepted");
    }

    [Fact]
    public void ASizeThatDoesNotFitAnIntIsAnArgumentError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FlexibleBuffer<KvmMsrs, KvmMsrEntry>.SizeOf(int.MaxValue / 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => FlexibleBuffer<KvmMsrs, KvmMsrEntry>.SizeOf(-1));
    }
}

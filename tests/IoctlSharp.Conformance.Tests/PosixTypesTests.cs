using IoctlSharp.Conformance.Tests.Headers.PosixTypes;
using Xunit;

namespace IoctlSharp.Conformance.Tests;

/// <summary>
/// What a per-target typedef means for .NET and the twins, beyond the layouts the probe compares with gcc: the
/// declared struct is x86_64's (aarch64's __kernel_old_dev_t is 4 bytes, so .NET's layout is refused there), and a
/// twin holds the target's own integer, converted only when the value survives.
/// </summary>
public sealed class PosixTypesTests
{
    [Fact]
    public void TheDeclarationIsTheLayoutOfTheTargetsWhereTheTypedefIsItsValue()
    {
        Assert.Null(AbiLayout.CompareNative<LoopInfo>(AbiTarget.X86_64));
        Assert.Null(AbiLayout.CompareNative<LoopInfo>(AbiTarget.Ppc64le));
        // aarch64: 160 bytes in C, 168 in .NET; EnsureNative would throw in an aarch64 process.
        Assert.Contains("160", AbiLayout.CompareNative<LoopInfo>(AbiTarget.Aarch64));
        Assert.Null(AbiLayout.CompareNative<InputEvent>(AbiTarget.Aarch64));
    }

    [Fact]
    public void ATwinHoldsTheTargetsIntegerAndRefusesAValueItCannotHold()
    {
        var info = new LoopInfo { LoNumber = 7, LoDevice = new KernelOldDevT(0x0801), LoRdevice = new KernelOldDevT(0xFFFF) };
        Assert.True(LoopInfo.I386.TryFromNative(in info, out var twin));
        Assert.Equal((ushort)0x0801, twin.LoDevice);
        Assert.Equal((ushort)0xFFFF, twin.LoRdevice);
        Assert.True(twin.TryToNative(out var back));
        Assert.Equal(0x0801ul, back.LoDevice.Value);
        Assert.Equal(0xFFFFul, back.LoRdevice.Value);
        Assert.Equal(7, back.LoNumber);

        info.LoDevice = new KernelOldDevT(0x1_0000); // a 64-bit dev_t that i386's 16 bits cannot hold
        var fault = LoopInfo.I386.Narrow(in info, out _);
        Assert.Equal(AbiConversionFaultKind.OutOfRange, fault.Kind);
        Assert.Equal("LoDevice", fault.Path);

        // mips32's __kernel_old_dev_t is 32 bits: the same value fits.
        Assert.True(LoopInfo.Mips32.TryFromNative(in info, out var mips));
        Assert.Equal(0x1_0000u, mips.LoDevice);
    }

    [Fact]
    public void AnAbiLengthArrayHasEachTargetsLength()
    {
        Assert.Equal(16, AbiLayout.Of<KernelFdSet>(AbiTarget.Aarch64)["FdsBits"].Count);
        Assert.Equal(32, AbiLayout.Of<KernelFdSet>(AbiTarget.I386)["FdsBits"].Count);
        Assert.Equal(192, AbiLayout.Of<X25SubscripStruct>(AbiTarget.X86_64)["Device"].Size);
        Assert.Equal(196, AbiLayout.Of<X25SubscripStruct>(AbiTarget.I386)["Device"].Size);
        Assert.Equal(204, X25SubscripStruct.I386.SizeOf);
    }
}

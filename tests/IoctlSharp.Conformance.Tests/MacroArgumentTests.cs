using System;
using IoctlSharp.Conformance.Tests.Headers.Input;
using IoctlSharp.Conformance.Tests.Headers.Spidev;
using Xunit;

namespace IoctlSharp.Conformance.Tests;

/// <summary>
/// Macro arguments that give no valid number: where C silently makes another request (SPI_MSGSIZE gives 0,
/// EVIOCGNAME(16383) on powerpc carries into the direction bits, EVIOCSABS(0x40) into the type byte), IoctlSharp
/// throws. The values in range are compared with gcc by the probe (EVIOCGABS(63), SPI_IOC_MESSAGE(255), ...).
/// </summary>
public sealed class MacroArgumentTests
{
    [Fact]
    public void ACountWhoseSizeDoesNotFitThrowsOnThatTargetOnly()
    {
        // 256 transfers are 8,192 bytes: one more than powerpc's and mips' 13-bit size field holds.
        Assert.Throws<ArgumentOutOfRangeException>(() => Spidev.Requests.Message.For(AbiTarget.Ppc64le, 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spidev.Requests.Message.For(AbiTarget.Mips32, 256));
        Assert.Equal(Spidev.Requests.Message.For(AbiTarget.X86_64, 255) + (32u << 16), Spidev.Requests.Message.For(AbiTarget.X86_64, 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spidev.Requests.Message.For(AbiTarget.X86_64, 512));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spidev.Requests.Message.For(AbiTarget.X86_64, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spidev.Requests.Message.For(AbiTarget.X86_64, int.MaxValue));
    }

    [Fact]
    public void AnArgumentThatTakesTheNrPast255Throws()
    {
        Assert.Equal(Evdev.Requests.SetAbs.For(AbiTarget.X86_64, 0) + 0x3Fu, Evdev.Requests.SetAbs.For(AbiTarget.X86_64, 0x3F));
        Assert.Throws<ArgumentOutOfRangeException>(() => Evdev.Requests.SetAbs.For(AbiTarget.X86_64, 0x40));
        Assert.Throws<ArgumentOutOfRangeException>(() => Evdev.Requests.GetAbs.For(AbiTarget.X86_64, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Evdev.Requests.GetBits.For(AbiTarget.X86_64, 0xE0, 4));
    }

    [Fact]
    public void ASizeAtTheCallThatDoesNotFitThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Evdev.Requests.GetName.For(AbiTarget.Ppc64le, 8192));
        Assert.Throws<ArgumentOutOfRangeException>(() => Evdev.Requests.GetBits.For(AbiTarget.Ppc64le, 3, 8192));
        Assert.Equal(Evdev.Requests.GetName.For(AbiTarget.X86_64, 0) | (8192u << 16), Evdev.Requests.GetName.For(AbiTarget.X86_64, 8192));
    }
}

/// <summary>The setters of <c>[AbiFileDescriptor]</c> members: the handle's fd, or a refusal for what holds none.</summary>
public sealed class FileDescriptorMemberTests
{
    [Fact]
    public void KvmIrqfdTakesAnFdHandleAndRefusesAMapping()
    {
        using var file = System.IO.File.OpenHandle("/proc/self/stat");
        var irqfd = new Headers.Kvm.KvmIrqfd();
        irqfd.SetFd(file);
        irqfd.SetResamplefd(file);
        Assert.Equal((uint)(int)file.DangerousGetHandle(), irqfd.Fd);
        Assert.Equal(irqfd.Fd, irqfd.Resamplefd);
        using var mapping = MemoryMapping.Anonymous(4096);
        Assert.Throws<NotAFileDescriptorException>(() => irqfd.SetFd(mapping));
    }
}

using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>
/// What a wrapper's handle must be: an fd, whose number fits the <c>int</c> the kernel takes. Anything else is
/// refused before a system call, so an ioctl can never land on an unrelated fd whose number happens to be the low
/// 32 bits of the handle's value.
/// </summary>
public class HandleValueTests
{
    [Fact]
    public void AMappingPassedAsTheHandleIsRefusedBeforeAnyIoctl()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var mapping = MemoryMapping.Anonymous(4096);
        // A handle whose low 32 bits are the fd of /dev/kvm: truncated to int, it is that fd.
        using var aliasing = new NotAnFd(((nint)1 << 32) | kvm.Fd);

        var e = Assert.Throws<NotAFileDescriptorException>(() => Kvm.GetApiVersion(aliasing));
        Assert.Equal((typeof(NotAnFd), "fd"), (e.HandleType, e.ParamName));
        Assert.IsAssignableFrom<ArgumentException>(e);
        Assert.Throws<NotAFileDescriptorException>(() => Kvm.GetApiVersion(mapping));
        Assert.Throws<NotAFileDescriptorException>(() => Ioctl.TryInvoke(mapping, Kvm.Requests.GetApiVersion.Native));
        Assert.Throws<NotAFileDescriptorException>(() => MemoryMapping.Map(mapping, 4096));
        Assert.Equal(12, Kvm.GetApiVersion(kvm)); // the fd it would have hit
    }

    [Fact]
    public void AnFdHandleWhoseValueDoesNotFitAnIntIsRefused()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var wide = new SafeFileHandle(((nint)1 << 32) | kvm.Fd, ownsHandle: false);
        var e = Assert.Throws<NotAFileDescriptorException>(() => Kvm.GetApiVersion(wide));
        Assert.Contains("does not fit", e.Message);
        Assert.Throws<NotAFileDescriptorException>(() => Ioctl.WithoutGCTransition.TryInvoke(wide, Kvm.Requests.GetApiVersion.Native));
    }

    [Fact]
    public void FdHandlesOfEveryKindStillWork()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var file = File.OpenHandle("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
        using var borrowed = new SafeFileHandle(kvm.Fd, ownsHandle: false);
        Assert.Equal((12, 12, 12), (Kvm.GetApiVersion(kvm), Kvm.GetApiVersion(file), Kvm.GetApiVersion(borrowed)));
        // An invalid fd is still the kernel's business: EBADF, as before.
        using var invalid = new FileDescriptorHandle();
        Assert.Equal(9, Ioctl.TryInvoke(invalid, Kvm.Requests.GetApiVersion.Native).Errno);
    }

    private sealed class NotAnFd : SafeHandle
    {
        public NotAnFd(nint value) : base(0, ownsHandle: false) => SetHandle(value);

        public override bool IsInvalid => false;

        protected override bool ReleaseHandle() => true;
    }
}

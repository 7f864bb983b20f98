using System;
using System.Runtime.InteropServices;
using System.Threading;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>A page fault served from user space, through generated userfaultfd bindings.</summary>
public unsafe class UserfaultfdTests
{
    private const int Page = 4096;

    [Fact]
    public void AFaultOnAnotherThreadIsReadAndServedWithUffdioCopy()
    {
        // /dev/userfaultfd's USERFAULTFD_IOC_NEW returns the new fd: the generated wrapper hands it back owned.
        using var device = FileDescriptorHandle.Open("/dev/userfaultfd");
        using var uffd = UserfaultfdDevice.New(device, Libc.O_CLOEXEC);
        Assert.Equal("anon_inode:[userfaultfd]", Libc.FdTarget(uffd.Fd));
        ServeOneFault(uffd);
    }

    [Fact]
    public void AUserfaultfdFromTheSystemCallIsWrappedAndWorksTheSame()
    {
        long fd = Libc.Syscall(Libc.SysUserfaultfd, Libc.O_CLOEXEC);
        Assert.True(fd >= 0, $"userfaultfd(2) failed: errno {Marshal.GetLastPInvokeError()}");
        using var uffd = new UserfaultfdHandle((int)fd);
        ServeOneFault(uffd);
    }

    [Fact]
    public void ReadingANonBlockingUserfaultfdWithNothingPendingIsEagain()
    {
        const int ONonblock = 0x800;
        using var device = FileDescriptorHandle.Open("/dev/userfaultfd");
        using var uffd = UserfaultfdDevice.New(device, Libc.O_CLOEXEC | ONonblock);
        var api = new UffdioApi { Api = UffdioApi.UffdApi };
        Userfaultfd.Api(uffd, ref api);
        var e = Assert.Throws<ErrnoException>(() => uffd.Read(new UffdMsg[1].AsSpan()));
        Assert.Equal((11, "EAGAIN"), (e.Errno, e.ErrnoName));
    }

    private static void ServeOneFault(UserfaultfdHandle uffd)
    {
        var api = new UffdioApi { Api = UffdioApi.UffdApi };
        Userfaultfd.Api(uffd, ref api);
        Assert.Equal(UffdioApi.UffdApi, api.Api);
        Assert.NotEqual(0ul, api.Ioctls & (1ul << 0x3F)); // _UFFDIO_API

        using var region = MemoryMapping.Anonymous(2 * Page);
        var register = new UffdioRegister
        {
            Range = new UffdioRange { Start = (ulong)region.Address, Len = 2 * Page },
            Mode = UffdioRegister.ModeMissing,
        };
        Userfaultfd.Register(uffd, ref register);
        Assert.NotEqual(0ul, register.Ioctls & (1ul << 0x03)); // _UFFDIO_COPY

        // A second thread reads 16 bytes from the middle of the second page; it blocks in the fault until served.
        byte* target = (byte*)region.Address + Page + 100;
        var seen = new byte[16];
        var toucher = new Thread(() =>
        {
            fixed (byte* destination = seen)
                Libc.Memcpy(destination, target, 16);
        });
        toucher.Start();

        var poll = new Libc.PollFd { Fd = uffd.Fd, Events = Libc.POLLIN };
        Assert.Equal(1, Libc.Poll(&poll, 1, 10_000));
        Span<UffdMsg> messages = stackalloc UffdMsg[4];
        Assert.Equal(1, uffd.Read(messages)); // one fault pending: one whole uffd_msg
        var message = messages[0];
        Assert.Equal(UffdMsg.EventPagefault, message.Event);
        Assert.Equal((ulong)region.Address + Page, message.Pagefault.Address & ~(ulong)(Page - 1)); // the faulting page
        Assert.True(toucher.IsAlive);

        using var source = MemoryMapping.Anonymous(Page);
        var pattern = source.AsSpan();
        for (int i = 0; i < Page; i++)
            pattern[i] = (byte)(i * 7 + 3);
        var copy = new UffdioCopy
        {
            Dst = (ulong)region.Address + Page, Src = (ulong)source.Address, Len = Page,
        };
        Userfaultfd.Copy(uffd, ref copy);
        Assert.Equal(Page, copy.Copy);

        Assert.True(toucher.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal(pattern.Slice(100, 16).ToArray(), seen);
        Assert.True(region.AsSpan<byte>(Page, Page).SequenceEqual(pattern));
        Userfaultfd.Unregister(uffd, register.Range);
    }
}

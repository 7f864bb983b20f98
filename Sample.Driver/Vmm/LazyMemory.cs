using System;
using System.IO;
using System.Threading;
using IoctlSharp;
using Sample.Driver.Interop;

namespace Sample.Driver.Vmm;

/// <summary>
/// Post-copy in miniature: guest RAM starts empty and registered with userfaultfd; each page is filled from a
/// snapshot image with UFFDIO_COPY the first time anyone touches it — the guest (through KVM) or the VMM itself
/// (reading a request) — by a fault-handling thread. This is what the umem device of 2011 proposed for KVM
/// post-copy live migration, done with the interface that replaced it.
/// </summary>
public sealed unsafe class LazyMemory : IDisposable
{
    private readonly GuestMemory _ram;
    private readonly GuestMemory _snapshot;
    private readonly FileDescriptorHandle _uffd;
    private readonly FileDescriptorHandle _stop;
    private readonly Thread _thread;
    private long _served;
    private volatile Exception? _error;

    /// <summary>Registers <paramref name="ram"/> and starts serving its pages from <paramref name="snapshot"/> (same size).</summary>
    public LazyMemory(GuestMemory ram, GuestMemory snapshot)
    {
        if (ram.Size != snapshot.Size)
            throw new ArgumentException("the snapshot must be as large as guest RAM", nameof(snapshot));
        _ram = ram;
        _snapshot = snapshot;
        _uffd = OpenUserfaultfd(out string how);
        How = how;
        try
        {
            var api = new UffdioApi { Api = Userfaultfd.Api };
            Userfaultfd.Handshake(_uffd, ref api);
            var register = new UffdioRegister
            {
                Range = new UffdioRange { Start = (ulong)ram.Base, Len = ram.Size },
                Mode = UffdioRegister.ModeMissing,
            };
            Userfaultfd.Register(_uffd, ref register);
            const int UffdioCopyBit = 0x03; // _UFFDIO_COPY
            if ((register.Ioctls & (1UL << UffdioCopyBit)) == 0)
                throw new IOException("userfaultfd: UFFDIO_COPY is not available on the registered range");
            _stop = Libc.Eventfd();
        }
        catch
        {
            _uffd.Dispose();
            throw;
        }
        _thread = new Thread(Serve) { IsBackground = true, Name = "userfaultfd pager" };
        _thread.Start();
    }

    /// <summary>How the userfaultfd was opened (/dev/userfaultfd or the syscall).</summary>
    public string How { get; }

    /// <summary>Pages filled from the snapshot so far.</summary>
    public long PagesServed => Interlocked.Read(ref _served);

    /// <summary>What stopped the fault-handling thread, if anything did.</summary>
    public Exception? Error => _error;

    private static FileDescriptorHandle OpenUserfaultfd(out string how)
    {
        // /dev/userfaultfd (Linux 6.1+) lets the node's permissions decide; otherwise the syscall.
        if (File.Exists("/dev/userfaultfd"))
        {
            try
            {
                using var device = File.OpenHandle("/dev/userfaultfd", FileMode.Open, FileAccess.ReadWrite);
                how = "/dev/userfaultfd, USERFAULTFD_IOC_NEW";
                return new FileDescriptorHandle(UserfaultfdDevice.New(device, Libc.OCloexec | Libc.ONonblock), ownsHandle: true);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IoctlException)
            {
            }
        }
        how = "userfaultfd(2)";
        return Libc.UserfaultfdSyscall(Libc.OCloexec | Libc.ONonblock);
    }

    private void Serve()
    {
        try
        {
            var fds = stackalloc Libc.PollFd[2];
            fds[0] = new Libc.PollFd { Fd = _uffd.Fd, Events = Libc.PollIn };
            fds[1] = new Libc.PollFd { Fd = _stop.Fd, Events = Libc.PollIn };
            UffdMsg msg;
            while (true)
            {
                if (Libc.Poll(fds, 2, -1) < 0)
                {
                    int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                    if (errno == Libc.EINTR) continue;
                    throw new IOException($"poll on the userfaultfd failed: {Errno.Name(errno)}");
                }
                if (fds[1].Revents != 0)
                    return;
                if (fds[0].Revents == 0)
                    continue;
                nint n = Libc.Read(_uffd.Fd, &msg, (nuint)sizeof(UffdMsg));
                if (n < 0)
                {
                    int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                    if (errno is Libc.EAGAIN or Libc.EINTR) continue;
                    throw new IOException($"read from the userfaultfd failed: {Errno.Name(errno)}");
                }
                if (n != sizeof(UffdMsg) || msg.Event != UffdMsg.EventPagefault)
                    continue;
                ulong page = msg.PagefaultAddress & ~(ulong)(GuestMemory.PageSize - 1);
                ulong offset = page - (ulong)_ram.Base;
                if (page < (ulong)_ram.Base || offset >= _ram.Size)
                    continue; // not ours: cannot happen for a range registered alone
                var copy = new UffdioCopy
                {
                    Dst = page,
                    Src = (ulong)(_snapshot.Base + offset),
                    Len = GuestMemory.PageSize,
                };
                try
                {
                    Userfaultfd.Copy(_uffd, ref copy);
                    Interlocked.Increment(ref _served);
                }
                catch (IoctlException e) when (e.Errno == Libc.EEXIST)
                {
                    // Another fault on the same page was served first: the faulting thread is already awake.
                }
            }
        }
        catch (Exception e)
        {
            // Closing the userfaultfd unregisters the range and wakes every waiting fault, which then finds an
            // ordinary (zero) page: nothing stays blocked on a pager that is gone, and the summary reports why.
            _error = e;
            _uffd.Dispose();
        }
    }

    /// <summary>Stops the thread and closes the userfaultfd (which unregisters the range).</summary>
    public void Dispose()
    {
        ulong one = 1;
        Libc.Write(_stop.Fd, &one, sizeof(ulong));
        _thread.Join();
        _stop.Dispose();
        _uffd.Dispose();
    }
}

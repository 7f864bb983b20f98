using IoctlSharp;
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Sample.Driver.Interop;

/// <summary>libc entry points the VMM calls directly (Linux, x86_64 numbering where it matters).</summary>
public static unsafe partial class Libc
{
    public const int ProtNone = 0, ProtRead = 1, ProtWrite = 2, ProtExec = 4;
    public const int MapShared = 0x01, MapPrivate = 0x02, MapAnonymous = 0x20, MapNoReserve = 0x4000;
    public const int OCloexec = 0x80000, ONonblock = 0x800;
    public const short PollIn = 0x1;
    public const int EINTR = 4, EAGAIN = 11, EEXIST = 17;
    public const long SysUserfaultfd = 323; // x86_64

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial void* MmapRaw(void* addr, nuint length, int prot, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(void* addr, nuint length);

    [LibraryImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static partial int MprotectRaw(void* addr, nuint length, int prot);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventfdRaw(uint initval, int flags);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall1(long number, long arg);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "gettid")]
    public static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "getpid")]
    public static partial int GetPid();

    [LibraryImport("libc", EntryPoint = "tgkill", SetLastError = true)]
    public static partial int Tgkill(int tgid, int tid, int signal);

    [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    private static partial int SigactionRaw(int signal, SigAction* action, SigAction* old);

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGettime(int clock, long* timespec);

    /// <summary>CPU time the calling thread has used (CLOCK_THREAD_CPUTIME_ID), guest time on a vCPU thread included.</summary>
    public static TimeSpan ThreadCpuTime()
    {
        const int ClockThreadCputimeId = 3;
        long* ts = stackalloc long[2];
        if (ClockGettime(ClockThreadCputimeId, ts) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "clock_gettime failed");
        return TimeSpan.FromTicks(ts[0] * TimeSpan.TicksPerSecond + ts[1] / 100);
    }

    [LibraryImport("libc", EntryPoint = "__libc_current_sigrtmax")]
    private static partial int SigRtMax();

    /// <summary><c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>glibc's x86_64 <c>struct sigaction</c>: handler, 1024-bit mask, flags, restorer (glibc sets it).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SigAction
    {
        public void* Handler;
        public fixed ulong Mask[16];
        public int Flags;
        public void* Restorer;
    }

    /// <summary>mmap; throws <see cref="Win32Exception"/> (with the errno) on failure.</summary>
    public static byte* Mmap(nuint length, int prot, int flags, int fd = -1, long offset = 0)
    {
        void* p = MmapRaw(null, length, prot, flags, fd, offset);
        if (p == (void*)-1)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"mmap of {length} bytes failed");
        return (byte*)p;
    }

    /// <summary>mprotect; throws on failure.</summary>
    public static void Mprotect(void* addr, nuint length, int prot)
    {
        if (MprotectRaw(addr, length, prot) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "mprotect failed");
    }

    /// <summary>A new eventfd.</summary>
    public static FileDescriptorHandle Eventfd()
    {
        int fd = EventfdRaw(0, OCloexec);
        if (fd < 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "eventfd failed");
        return new FileDescriptorHandle(fd, ownsHandle: true);
    }

    /// <summary>userfaultfd(2) through syscall(2), for kernels without /dev/userfaultfd.</summary>
    public static FileDescriptorHandle UserfaultfdSyscall(int flags)
    {
        long fd = Syscall1(SysUserfaultfd, flags);
        if (fd < 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "userfaultfd(2) failed");
        return new FileDescriptorHandle((int)fd, ownsHandle: true);
    }

    private static int s_kickSignal;
    private static readonly object s_kickLock = new();

    /// <summary>
    /// A real-time signal whose handler does nothing, so that sending it to a thread blocked in KVM_RUN makes the
    /// ioctl return EINTR (an ignored signal would be discarded and never interrupt it). The handler is one x86
    /// RET instruction on an executable page: it runs in signal context, where no managed code may run.
    /// </summary>
    public static int KickSignal
    {
        get
        {
            lock (s_kickLock)
            {
                if (s_kickSignal != 0)
                    return s_kickSignal;
                byte* page = Mmap(4096, ProtRead | ProtWrite, MapPrivate | MapAnonymous);
                page[0] = 0xC3; // ret
                Mprotect(page, 4096, ProtRead | ProtExec);
                int signal = SigRtMax() - 1;
                SigAction action = default;
                action.Handler = page;
                // SA_RESTART: other syscalls the signal lands in resume; KVM_RUN returns EINTR all the same.
                action.Flags = 0x10000000;
                if (SigactionRaw(signal, &action, null) != 0)
                    throw new Win32Exception(Marshal.GetLastPInvokeError(), "sigaction failed");
                return s_kickSignal = signal;
            }
        }
    }
}

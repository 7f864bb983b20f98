using System.Runtime.InteropServices;
using IoctlSharp;

namespace IoctlSharp.Runtime.Tests;

/// <summary>The few libc calls the tests make besides ioctl (the runtime's own are internal).</summary>
internal static unsafe partial class Libc
{
    public const int O_CLOEXEC = 0x80000;
    public const long SysUserfaultfd = 323; // x86_64
    public const short POLLIN = 1;

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static partial long Syscall(long number, long argument);

    public const int O_NONBLOCK = 0x800;

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);

    // asm-generic/fcntl.h, which every target's asm/fcntl.h includes for these two: F_GETFD 1, FD_CLOEXEC 1.
    public const int F_GETFD = 1, FD_CLOEXEC = 1;

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command);

    [LibraryImport("libc", EntryPoint = "gettid")]
    public static partial int GetTid();

    /// <summary>A pipe, both ends owned, close-on-exec and non-blocking.</summary>
    public static (FileDescriptorHandle Read, FileDescriptorHandle Write) Pipe()
    {
        int* fds = stackalloc int[2];
        if (Pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
            throw new ErrnoException(Marshal.GetLastPInvokeError());
        return (new FileDescriptorHandle(fds[0], ownsHandle: true), new FileDescriptorHandle(fds[1], ownsHandle: true));
    }

    /// <summary>
    /// Waits (at most 10 s) until thread <paramref name="tid"/> of this process sits in one of the system calls
    /// <paramref name="numbers"/> (x86_64 numbers), as /proc/self/task/N/syscall reports it: proof that it blocked.
    /// </summary>
    public static bool WaitUntilBlockedIn(int tid, params int[] numbers)
    {
        var deadline = System.DateTime.UtcNow.AddSeconds(10);
        while (System.DateTime.UtcNow < deadline)
        {
            string text;
            try
            {
                text = System.IO.File.ReadAllText($"/proc/self/task/{tid}/syscall");
            }
            catch (System.IO.IOException)
            {
                return false;
            }

            string first = text.Split(' ')[0].Trim();
            if (int.TryParse(first, out int number) && System.Array.IndexOf(numbers, number) >= 0)
                return true;
            System.Threading.Thread.Sleep(1);
        }

        return false;
    }

    public const int SysPoll = 7, SysPpoll = 271; // x86_64

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    // A copy done by native code: a thread that faults on a userfaultfd page inside it is in a P/Invoke (preemptive
    // mode), so a garbage collection never waits for it.
    [LibraryImport("libc", EntryPoint = "memcpy")]
    public static partial nint Memcpy(void* destination, void* source, nuint count);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>The flags word of /proc/self/fdinfo/N (octal), where O_CLOEXEC is 02000000.</summary>
    public static int FdFlags(int fd)
    {
        foreach (var line in System.IO.File.ReadAllLines($"/proc/self/fdinfo/{fd}"))
            if (line.StartsWith("flags:", System.StringComparison.Ordinal))
                return System.Convert.ToInt32(line.Substring(6).Trim(), 8);
        throw new System.InvalidOperationException("no flags line");
    }

    /// <summary>What /proc/self/fd/N points at (<c>anon_inode:kvm-vm</c>), or null when the fd is closed.</summary>
    public static string? FdTarget(int fd) => new System.IO.FileInfo($"/proc/self/fd/{fd}").LinkTarget;
}

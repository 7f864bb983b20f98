using System.Runtime.InteropServices;

namespace IoctlSharp.Runtime.Tests;

/// <summary>The few libc calls the tests make besides ioctl (the runtime's own are internal).</summary>
internal static unsafe partial class Libc
{
    public const int O_CLOEXEC = 0x80000;
    public const long SysUserfaultfd = 323; // x86_64
    public const short POLLIN = 1;

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static partial long Syscall(long number, long argument);

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

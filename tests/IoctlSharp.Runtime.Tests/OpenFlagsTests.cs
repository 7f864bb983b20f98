using System;
using System.IO;
using System.Linq;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>
/// <see cref="FileDescriptorHandle.Open(string, OpenFlags, UnixFileMode)"/> on real files, and
/// <see cref="OpenFlags"/>' numbers on every target (the tables themselves are compared with gcc by the
/// conformance tests).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Linux file modes
public sealed class OpenFlagsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ioctlsharp-open-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadOnlyReadsTheFileAndTheKernelRefusesWrites()
    {
        string path = Path.Combine(_dir, "data");
        File.WriteAllBytes(path, new byte[] { 1, 2, 3 });
        using var fd = FileDescriptorHandle.Open(path, OpenFlags.ReadOnly | OpenFlags.CloseOnExec);
        var buffer = new byte[8];
        Assert.Equal(3, fd.Read<byte>(buffer));
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        var e = Assert.Throws<ErrnoException>(() => fd.Write<byte>(new byte[] { 9 }));
        Assert.Equal(Errno.EBADF, e.Errno);
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void CreateExclusiveMakesTheFileWithTheModeAndFailsWithEexistTheSecondTime()
    {
        string path = Path.Combine(_dir, "new");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var flags = OpenFlags.WriteOnly | OpenFlags.Create | OpenFlags.Exclusive | OpenFlags.CloseOnExec;
        using (var fd = FileDescriptorHandle.Open(path, flags, mode))
            Assert.Equal(2, fd.Write<byte>(new byte[] { 7, 8 }));
        Assert.Equal(new byte[] { 7, 8 }, File.ReadAllBytes(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));

        var e = Assert.Throws<ErrnoException>(() => FileDescriptorHandle.Open(path, flags, mode));
        Assert.IsAssignableFrom<IOException>(e);
        Assert.Equal((Errno.EEXIST, "EEXIST"), (e.Errno, e.ErrnoName));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void CloseOnExecIsSetExactlyWhenAsked()
    {
        string path = Path.Combine(_dir, "cloexec");
        File.WriteAllBytes(path, Array.Empty<byte>());
        using (var with = FileDescriptorHandle.Open(path, OpenFlags.ReadOnly | OpenFlags.CloseOnExec))
            Assert.Equal(Libc.FD_CLOEXEC, DescriptorFlags(with) & Libc.FD_CLOEXEC);
        using (var without = FileDescriptorHandle.Open(path, OpenFlags.ReadOnly))
            Assert.Equal(0, DescriptorFlags(without) & Libc.FD_CLOEXEC);
        using (var old = FileDescriptorHandle.Open(path)) // the old overload: read-write, close-on-exec
        {
            Assert.Equal(Libc.FD_CLOEXEC, DescriptorFlags(old) & Libc.FD_CLOEXEC);
            Assert.Equal(1, old.Write<byte>(new byte[] { 5 }));
        }
    }

    [Fact]
    public void DirectoryFailsWithEnotdirOnAFile()
    {
        string path = Path.Combine(_dir, "plain");
        File.WriteAllBytes(path, Array.Empty<byte>());
        var e = Assert.Throws<ErrnoException>(() => FileDescriptorHandle.Open(path, OpenFlags.ReadOnly | OpenFlags.Directory | OpenFlags.CloseOnExec));
        Assert.Equal(Errno.ENOTDIR, e.Errno);
        using var dir = FileDescriptorHandle.Open(_dir, OpenFlags.ReadOnly | OpenFlags.Directory | OpenFlags.CloseOnExec);
        Assert.False(dir.IsInvalid);
    }

    [Fact]
    public void TheEnumsValuesAreTheGenericNumbersOfItsCNames()
    {
        // Every member but O_RDONLY (0) has a C name, and its value is that name's number on x86_64 (asm-generic).
        var named = OpenFlagsExtensions.Names.ToArray();
        Assert.Equal(Enum.GetValues<OpenFlags>().Where(f => f != OpenFlags.ReadOnly).OrderBy(f => f), named.Select(n => n.Flag).OrderBy(f => f));
        foreach (var (flag, name) in named)
            Assert.Equal((name, OpenFlagsExtensions.Table.Number(name, AbiTarget.X86_64)), (name, (long)flag));
    }

    [Fact]
    public void EveryFlagIsItsCNamesNumberOnEveryTarget()
    {
        int differing = 0;
        foreach (var target in AbiTargets.All)
        {
            Assert.Equal(0, OpenFlags.ReadOnly.ToNative(target));
            foreach (var (flag, name) in OpenFlagsExtensions.Names)
            {
                int number = (int)OpenFlagsExtensions.Table.Number(name, target);
                Assert.Equal((target, name, number), (target, name, flag.ToNative(target)));
                if (number != (int)flag) differing++;
            }

            // Composite flags keep their own numbers; combinations are the OR of their parts.
            int sync = (int)OpenFlagsExtensions.Table.Number("O_SYNC", target), dsync = (int)OpenFlagsExtensions.Table.Number("O_DSYNC", target);
            Assert.Equal(dsync, sync & dsync);
            Assert.Equal(sync | (int)OpenFlagsExtensions.Table.Number("O_CLOEXEC", target) | (int)OpenFlagsExtensions.Table.Number("O_RDWR", target),
                (OpenFlags.Sync | OpenFlags.DataSync | OpenFlags.CloseOnExec | OpenFlags.ReadWrite).ToNative(target));
        }

        Assert.True(differing > 50, $"only {differing} flag numbers differ from the generic ones: the targets are not told apart");
    }

    [Fact]
    public void BitsThatAreNoFlagAndTwoAccessModesAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((OpenFlags)(1 << 30)).ToNative(AbiTarget.X86_64));
        Assert.Throws<ArgumentOutOfRangeException>(() => (OpenFlags.WriteOnly | OpenFlags.ReadWrite).ToNative(AbiTarget.Mips32));
        Assert.Throws<ArgumentOutOfRangeException>(() => FileDescriptorHandle.Open(_dir, (OpenFlags)(1 << 30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenFlags.ReadOnly.ToNative((AbiTarget)99));
    }

    private static int DescriptorFlags(FileDescriptorHandle fd)
    {
        int flags = Libc.Fcntl(fd.Fd, Libc.F_GETFD);
        Assert.True(flags >= 0, $"fcntl(F_GETFD) failed: {Errno.Name(System.Runtime.InteropServices.Marshal.GetLastPInvokeError())}");
        return flags;
    }
}

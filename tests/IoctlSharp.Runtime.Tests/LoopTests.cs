using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using IoctlSharp.Conformance.Tests.Headers.Loop;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>
/// linux/loop.h through the kernel: plain request numbers ([IoctlRequest]), a file's fd passed as a SafeHandle
/// (LOOP_SET_FD, and loop_config.fd through its generated setter), read back with LOOP_GET_STATUS64 and checked in
/// sysfs, where the kernel shows what it attached.
/// </summary>
public sealed class LoopTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ioctlsharp-loop-{Guid.NewGuid():N}.img");

    public LoopTests() => File.WriteAllBytes(_file, new byte[1 << 20]);

    public void Dispose() => File.Delete(_file);

    /// <summary>A free loop device from /dev/loop-control (LOOP_CTL_GET_FREE), opened.</summary>
    private static (int Number, FileDescriptorHandle Device) FreeDevice()
    {
        using var control = FileDescriptorHandle.Open("/dev/loop-control");
        int number = Loop.ControlGetFree(control);
        Assert.True(number >= 0);
        return (number, FileDescriptorHandle.Open($"/dev/loop{number}"));
    }

    private static string Sys(int number, string attribute) => File.ReadAllText($"/sys/block/loop{number}/loop/{attribute}").Trim();

    [Fact]
    public unsafe void SetFdAttachesTheFileAndGetStatus64ReadsItBack()
    {
        var (number, device) = FreeDevice();
        using (device)
        using (SafeFileHandle file = File.OpenHandle(_file, FileMode.Open, FileAccess.ReadWrite))
        {
            Loop.SetFd(device, file);
            try
            {
                Assert.Equal(_file, Sys(number, "backing_file")); // the kernel holds the file the SafeHandle held

                Loop.GetStatus64(device, out var info);
                Assert.Equal((uint)number, info.LoNumber);
                Assert.Equal(0ul, info.LoOffset);

                // LOOP_SET_STATUS64 and back: an offset, a size limit and a name, as the kernel keeps them.
                info.LoOffset = 4096;
                info.LoSizelimit = 65536;
                byte[] name = Encoding.ASCII.GetBytes("ioctlsharp");
                name.CopyTo(new Span<byte>(info.LoFileName, 64));
                Loop.SetStatus64(device, in info);
                Loop.GetStatus64(device, out var again);
                Assert.Equal((4096ul, 65536ul), (again.LoOffset, again.LoSizelimit));
                Assert.Equal("ioctlsharp", Encoding.ASCII.GetString(new ReadOnlySpan<byte>(again.LoFileName, 64)).TrimEnd('\0'));
                Assert.Equal("4096", Sys(number, "offset"));
                Assert.Equal("65536", Sys(number, "sizelimit"));
            }
            finally
            {
                Loop.ClearFd(device);
            }
        }
    }

    [Fact]
    public void ConfigureTakesTheFileThroughTheGeneratedFdSetter()
    {
        var (number, device) = FreeDevice();
        using (device)
        using (SafeFileHandle file = File.OpenHandle(_file, FileMode.Open, FileAccess.Read))
        {
            var config = new LoopConfig { BlockSize = 4096 };
            config.SetFd(file);
            Assert.Equal((uint)(int)file.DangerousGetHandle(), config.Fd);
            config.Info.LoFlags = 1; // LO_FLAGS_READ_ONLY
            Loop.Configure(device, in config);
            try
            {
                Assert.Equal(_file, Sys(number, "backing_file"));
                Loop.GetStatus64(device, out var info);
                Assert.Equal(1u, info.LoFlags & 1);
                Assert.Equal("4096", File.ReadAllText($"/sys/block/loop{number}/queue/logical_block_size").Trim());
            }
            finally
            {
                Loop.ClearFd(device);
            }
        }
    }

    [Fact]
    public void AHandleThatIsNoFdIsRefusedBeforeTheIoctl()
    {
        var (number, device) = FreeDevice();
        using (device)
        {
            using var mapping = MemoryMapping.Anonymous(4096);
            var e = Assert.Throws<NotAFileDescriptorException>(() => Loop.SetFd(device, mapping));
            Assert.Equal("argument", e.ParamName);
            Assert.Throws<NotAFileDescriptorException>(() => new LoopConfig().SetFd(mapping));

            var closed = File.OpenHandle(_file, FileMode.Open, FileAccess.Read);
            closed.Dispose();
            Assert.Throws<ObjectDisposedException>(() => Loop.SetFd(device, closed));
            Assert.Throws<ObjectDisposedException>(() => new LoopConfig().SetFd(closed));

            // Nothing was attached: LOOP_GET_STATUS64 on an unbound device is ENXIO.
            Assert.Equal(Errno.ENXIO, Assert.Throws<IoctlException>(() => Loop.GetStatus64(device, out _)).Errno);
            Assert.False(File.Exists($"/sys/block/loop{number}/loop/backing_file"));
        }
    }
}

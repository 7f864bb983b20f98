using System;
using System.Buffers.Binary;
using System.Text;
using Sample.Driver.Fuzz;
using Sample.Driver.Hypercalls;
using Sample.Driver.Vmm;
using Xunit;

namespace Sample.Driver.Tests;

/// <summary>
/// Well-formed calls, in both guest ABIs, that reach the host services with valid arguments, and what they must
/// answer: the result, the values written back and the bytes of guest memory. Every other byte of guest RAM must
/// be as it was.
/// </summary>
public class ServiceCallTests
{
    private const ulong RamSize = 64 * 1024;
    private const int Call = 0x1000, In = 0x2000, Out = 0x4000;

    private sealed class Guest : IDisposable
    {
        public readonly GuestMemory Ram = new(RamSize);
        public readonly VmmDevice Device;
        public readonly bool Is32;

        public Guest(bool is32)
        {
            Is32 = is32;
            Device = new VmmDevice(Ram, "test");
        }

        public Span<byte> At(int gpa) => Ram.All[gpa..];

        /// <summary>Issues the call; asserts that the request itself succeeded and returns the service's result.</summary>
        public int Call(uint client, uint function, params HgcmFunctionParameter[] parms)
        {
            GuestRequests.WriteCall(At(ServiceCallTests.Call), Is32, client, function, parms);
            var before = Ram.All.ToArray();
            Assert.Equal(VBoxStatus.Success, Device.Handle(ServiceCallTests.Call));
            int result = BinaryPrimitives.ReadInt32LittleEndian(At(ServiceCallTests.Call + GuestRequests.ResultOffset));
            // Outside the output buffer, only the request itself (its rc, result and values) may have changed.
            int end = ServiceCallTests.Call + GuestRequests.CallSize + parms.Length * GuestRequests.ParmSize(Is32);
            for (int i = 0; i < before.Length; i++)
            {
                bool mayChange = i is >= ServiceCallTests.Call && i < end || i is >= Out and < Out + 0x1000;
                if (!mayChange && before[i] != Ram.All[i])
                    Assert.Fail($"byte 0x{i:x} changed outside the request and the output buffer");
            }
            return result;
        }

        public HgcmFunctionParameter Parm(int index) => GuestRequests.ReadParm(At(ServiceCallTests.Call), Is32, index);

        public void Dispose() => Ram.Dispose();
    }

    private static HgcmFunctionParameter InBuf(int gpa, int size) => GuestRequests.Buffer(HgcmParameterType.LinAddrIn, (uint)size, (ulong)gpa);
    private static HgcmFunctionParameter OutBuf(int gpa, int size) => GuestRequests.Buffer(HgcmParameterType.LinAddrOut, (uint)size, (ulong)gpa);

    private static int PutString(Guest g, int gpa, string s)
    {
        int n = Encoding.ASCII.GetBytes(s, g.At(gpa));
        g.At(gpa)[n] = 0;
        return n + 1;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EchoUpperAndAddAnswerWithTheirResults(bool is32)
    {
        using var g = new Guest(is32);
        uint echo = GuestRequests.Connect(g.Ram, g.Device, "Sample.Echo");

        int n = PutString(g, In, "hello, echo");
        g.At(Out)[..64].Fill(0xCC);
        Assert.Equal(VBoxStatus.Success, g.Call(echo, EchoService.FnEcho, InBuf(In, n), OutBuf(Out, 64), GuestRequests.U32(0)));
        Assert.Equal((uint)n, g.Parm(2).U.Value32);
        Assert.Equal("hello, echo\0"u8.ToArray(), g.At(Out)[..n].ToArray());
        Assert.True(g.At(Out)[n..64].IndexOfAnyExcept((byte)0xCC) < 0, "echo wrote past the bytes it copied");

        n = PutString(g, Out, "make Me loud 42");
        Assert.Equal(VBoxStatus.Success, g.Call(echo, EchoService.FnUpper, GuestRequests.Buffer(HgcmParameterType.LinAddr, (uint)n, Out)));
        Assert.Equal("MAKE ME LOUD 42\0"u8.ToArray(), g.At(Out)[..n].ToArray());

        Assert.Equal(VBoxStatus.Success, g.Call(echo, EchoService.FnAdd, GuestRequests.U32(0xFFFF_FFFF), GuestRequests.U64(0x1_0000_0000), GuestRequests.U64(7)));
        Assert.Equal(0x1_FFFF_FFFFUL, g.Parm(2).U.Value64);
        Assert.Equal(0xFFFF_FFFFu, g.Parm(0).U.Value32); // inputs come back as they went in
        Assert.Equal(0x1_0000_0000UL, g.Parm(1).U.Value64);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void GuestPropertiesAreStoredReadAndDeleted(bool is32)
    {
        using var g = new Guest(is32);
        uint props = GuestRequests.Connect(g.Ram, g.Device, "VBoxGuestPropSvc");
        var service = (GuestPropertyService)g.Device.Services["VBoxGuestPropSvc"];
        int name = PutString(g, In, "/Test/Colour");
        int value = PutString(g, In + 0x100, "blue");

        Assert.Equal(VBoxStatus.Success, g.Call(props, GuestPropertyService.FnSetPropValue, InBuf(In, name), InBuf(In + 0x100, value)));
        Assert.Equal(("blue", 1UL), service.Properties["/Test/Colour"]);

        Assert.Equal(VBoxStatus.Success, g.Call(props, GuestPropertyService.FnGetProp, InBuf(In, name), OutBuf(Out, 64), GuestRequests.U64(0), GuestRequests.U32(0)));
        Assert.Equal("blue\0"u8.ToArray(), g.At(Out)[..5].ToArray());
        Assert.Equal((1UL, 5u), (g.Parm(2).U.Value64, g.Parm(3).U.Value32));

        g.At(Out)[..8].Fill(0xCC);
        Assert.Equal(VBoxStatus.BufferOverflow, g.Call(props, GuestPropertyService.FnGetProp, InBuf(In, name), OutBuf(Out, 4), GuestRequests.U64(0), GuestRequests.U32(0)));
        Assert.Equal(5u, g.Parm(3).U.Value32); // the size needed, so the guest can retry
        Assert.True(g.At(Out)[..8].IndexOfAnyExcept((byte)0xCC) < 0, "a value too large for the buffer was partly written");

        Assert.Equal(VBoxStatus.Success, g.Call(props, GuestPropertyService.FnDelProp, InBuf(In, name)));
        Assert.Empty(service.Properties);
        Assert.Equal(VBoxStatus.NotFound, g.Call(props, GuestPropertyService.FnGetProp, InBuf(In, name), OutBuf(Out, 64), GuestRequests.U64(0), GuestRequests.U32(0)));
    }

    /// <summary>
    /// Echo with every relation of input to output length, in both ABIs (fixed seed): it copies when the output
    /// holds the input and otherwise answers VERR_BUFFER_OVERFLOW, writing nothing into the output; either way it
    /// reports the input's length.
    /// </summary>
    [Fact]
    public void EchoCopiesWhatFitsAndRefusesWhatDoesNot()
    {
        var rng = new Random(15);
        int overflows = 0, copies = 0;
        foreach (bool is32 in new[] { true, false })
        {
            using var g = new Guest(is32);
            uint echo = GuestRequests.Connect(g.Ram, g.Device, "Sample.Echo");
            for (int n = 0; n < 400; n++)
            {
                int inLength = rng.Next(0, 300), outLength = rng.Next(0, 300);
                var input = new byte[inLength];
                rng.NextBytes(input);
                input.CopyTo(g.At(In));
                g.At(Out)[..0x1000].Fill(0xCC);

                int result = g.Call(echo, EchoService.FnEcho, InBuf(In, inLength), OutBuf(Out, outLength), GuestRequests.U32(0xDEAD));

                Assert.Equal((uint)inLength, g.Parm(2).U.Value32);
                if (inLength <= outLength)
                {
                    copies++;
                    Assert.Equal(VBoxStatus.Success, result);
                    Assert.Equal(input, g.At(Out)[..inLength].ToArray());
                    Assert.True(g.At(Out)[inLength..0x1000].IndexOfAnyExcept((byte)0xCC) < 0);
                }
                else
                {
                    overflows++;
                    Assert.Equal(VBoxStatus.BufferOverflow, result);
                    Assert.True(g.At(Out)[..0x1000].IndexOfAnyExcept((byte)0xCC) < 0, "an input longer than the output was partly copied");
                }
            }
        }
        Assert.True(overflows > 100 && copies > 100, $"{overflows} overflows, {copies} copies");
    }
}

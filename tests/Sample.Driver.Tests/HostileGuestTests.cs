using System;
using System.Buffers.Binary;
using System.IO;
using Sample.Driver.Fuzz;
using Sample.Driver.Hypercalls;
using Sample.Driver.Vmm;
using Xunit;

namespace Sample.Driver.Tests;

/// <summary>
/// A guest that turns the host's own writes against it: an echo whose output buffer is the call's parameter
/// array, and whose input rewrites parameter 0's type to one no union member claims. The host must serve the
/// call from the copy it checked, not from guest memory read again after the service wrote into it.
/// </summary>
[Collection(KvmCollection.Name)]
public class HostileGuestTests
{
    private const uint UnknownType = 77;

    /// <summary>
    /// Lays the hostile call out at <paramref name="call"/> within <paramref name="image"/> (whose byte 0 is at
    /// guest-physical <paramref name="imageGpa"/>), with its input at <paramref name="input"/>; returns the input's bytes.
    /// </summary>
    private static byte[] WriteHostileEcho(Span<byte> image, ulong imageGpa, int call, int input, bool is32, uint client)
    {
        int parmSize = GuestRequests.ParmSize(is32);
        uint arraySize = (uint)(3 * parmSize);
        ulong parmsGpa = imageGpa + (ulong)(call + GuestRequests.CallSize);
        GuestRequests.WriteCall(image[call..], is32, client, EchoService.FnEcho,
        [
            GuestRequests.Buffer(HgcmParameterType.LinAddrIn, arraySize, imageGpa + (ulong)input),
            GuestRequests.Buffer(HgcmParameterType.LinAddrOut, arraySize, parmsGpa),
            GuestRequests.U32(0),
        ]);
        // The input is the parameter array itself, but with parameter 0's type changed to an unknown one.
        var bytes = image.Slice(call + GuestRequests.CallSize, (int)arraySize).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, UnknownType);
        bytes.CopyTo(image[input..]);
        return bytes;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnEchoOverItsOwnParametersIsServedFromTheCheckedCopy(bool is32)
    {
        using var ram = new GuestMemory(64 * 1024);
        var device = new VmmDevice(ram, "hostile");
        uint client = GuestRequests.Connect(ram, device, "Sample.Echo");

        const int Call = 0x1000, Input = 0x2000;
        byte[] input = WriteHostileEcho(ram.All, 0, Call, Input, is32, client);

        Assert.Equal(VBoxStatus.Success, device.Handle(Call));

        var request = ram.All[Call..];
        Assert.Equal(VBoxStatus.Success, BinaryPrimitives.ReadInt32LittleEndian(request[GuestRequests.ResultOffset..]));
        // What the guest asked for: its parameter array now holds the input, and then the host wrote parameter 2's
        // value (the bytes echoed) into it, at parameter 2's value member and nowhere else.
        var expected = (byte[])input.Clone();
        int parm2Value = 2 * GuestRequests.ParmSize(is32) + 4;
        BinaryPrimitives.WriteUInt32LittleEndian(expected.AsSpan(parm2Value), (uint)input.Length);
        Assert.Equal(expected, request.Slice(GuestRequests.CallSize, input.Length).ToArray());
    }

    /// <summary>
    /// The same call from a real guest on /dev/kvm: connect, the hostile echo, then a host-version request that
    /// only runs if the VM survived. Its status at HLT is the call's rc OR its service result (0 when both succeed).
    /// </summary>
    [Theory]
    [InlineData(GuestMode.Protected32)]
    [InlineData(GuestMode.Long64)]
    public void AGuestCannotStopTheVmmByRewritingItsParametersThroughTheHost(GuestMode mode)
    {
        bool is32 = mode == GuestMode.Protected32;
        const int Connect = 0x100, Call = 0x200, Input = 0x300, Version = 0x400;
        ulong load = VirtualMachine.LoadAddress;
        var image = new byte[0x500];
        GuestRequests.WriteConnect(image.AsSpan(Connect), "Sample.Echo");
        WriteHostileEcho(image, load, Call, Input, is32, client: 1); // the first client a VMM hands out is 1
        var version = GuestRequests.Header(VmmDevRequestType.GetHostVersion, 40);
        System.Runtime.InteropServices.MemoryMarshal.Write(image.AsSpan(Version), in version);

        // Machine code valid in both 32-bit protected and 64-bit long mode (absolute addresses through a SIB byte).
        var code = new MemoryStream();
        void Emit(params byte[] bytes) => code.Write(bytes);
        void Imm32(ulong v) => Emit(BitConverter.GetBytes((uint)v));
        Emit(0x66, 0xBA); Emit(BitConverter.GetBytes((ushort)VmmDevice.Port));  // mov dx, 0xD020
        foreach (int request in new[] { Connect, Call, Version })
        {
            Emit(0xB8); Imm32(load + (ulong)request);                           // mov eax, request
            Emit(0xEF);                                                          // out dx, eax
        }
        Emit(0x8B, 0x04, 0x25); Imm32(load + Call + (ulong)GuestRequests.RcOffset);     // mov eax, [call.rc]
        Emit(0x0B, 0x04, 0x25); Imm32(load + Call + (ulong)GuestRequests.ResultOffset); // or eax, [call.result]
        Emit(0xF4);                                                              // hlt
        code.ToArray().CopyTo(image, 0);

        string path = Path.Combine(Path.GetTempPath(), $"sample-driver-hostile-{mode}-{Environment.ProcessId}.bin");
        File.WriteAllBytes(path, image);
        var transcript = new StringWriter();
        var r = VirtualMachine.Run(new GuestProgram("hostile", path, mode), new VmmOptions { Transcript = transcript });

        Assert.True(r.Succeeded, $"{r.Detail}, status 0x{r.GuestStatus:x}\n{transcript}");
        Assert.Equal(3, r.Hypercalls.Total);
        Assert.Equal(0, r.Hypercalls.Refused);
        Assert.Equal(1, r.Hypercalls[VmmDevRequestType.GetHostVersion]); // served after the hostile call
        Assert.Contains($"HGCM_CALL{(is32 ? 32 : 64)} Sample.Echo function 1 (3 parameters of {GuestRequests.ParmSize(is32)} bytes) -> VINF_SUCCESS, service result VINF_SUCCESS", transcript.ToString());
    }
}

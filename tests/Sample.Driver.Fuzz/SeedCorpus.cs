using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Sample.Driver.Hypercalls;

namespace Sample.Driver.Fuzz;

/// <summary>
/// The seed corpus: small inputs in <see cref="DeviceFuzzTarget"/>'s format, one per path a well-behaved guest
/// takes (every request type, both call ABIs, every service function), each answered with success. afl-fuzz
/// starts from these; <c>Program --write-seeds DIR</c> writes them.
/// </summary>
public static class SeedCorpus
{
    /// <summary>The seeds by file name.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        yield return ("log-string.bin", Build(s => s.Log("hello from the fuzzer")));
        yield return ("host-version-and-time.bin", Build(s =>
        {
            s.Request(w => Write(w, GuestRequests.Header(VmmDevRequestType.GetHostVersion, 40)), 40);
            s.Request(w => Write(w, GuestRequests.Header(VmmDevRequestType.GetHostTime, 32)), 32);
        }));
        foreach (bool is32 in new[] { true, false })
        {
            string abi = is32 ? "32" : "64";
            yield return ($"echo-{abi}.bin", Build(s =>
            {
                int input = s.Buffer("echo me"u8);
                int output = s.Buffer(new byte[16]);
                s.Call(is32, DeviceFuzzTarget.EchoClient, EchoService.FnEcho,
                    [In(input, 8), GuestRequests.Buffer(HgcmParameterType.LinAddrOut, 16, (ulong)output), GuestRequests.U32(0)]);
            }));
            yield return ($"upper-and-add-{abi}.bin", Build(s =>
            {
                int text = s.Buffer("loud"u8);
                s.Call(is32, DeviceFuzzTarget.EchoClient, EchoService.FnUpper, [GuestRequests.Buffer(HgcmParameterType.LinAddr, 4, (ulong)text)]);
                s.Call(is32, DeviceFuzzTarget.EchoClient, EchoService.FnAdd, [GuestRequests.U32(1), GuestRequests.U64(2), GuestRequests.U64(0)]);
            }));
            yield return ($"properties-{abi}.bin", Build(s =>
            {
                int name = s.Buffer("/Fuzz/Name\0"u8);
                int value = s.Buffer("value\0"u8);
                int output = s.Buffer(new byte[16]);
                uint c = DeviceFuzzTarget.PropertyClient;
                s.Call(is32, c, GuestPropertyService.FnSetPropValue, [In(name, 11), In(value, 6)]);
                s.Call(is32, c, GuestPropertyService.FnGetProp,
                    [In(name, 11), GuestRequests.Buffer(HgcmParameterType.LinAddrOut, 16, (ulong)output), GuestRequests.U64(0), GuestRequests.U32(0)]);
                s.Call(is32, c, GuestPropertyService.FnDelProp, [In(name, 11)]);
            }));
        }
        yield return ("connect-call-disconnect.bin", Build(s =>
        {
            s.Request(w => GuestRequests.WriteConnect(w, "Sample.Echo"), GuestRequests.ConnectSize);
            s.Call(is32: false, 3, EchoService.FnAdd, [GuestRequests.U32(1), GuestRequests.U64(2), GuestRequests.U64(0)]);
            s.Request(w =>
            {
                var d = new HgcmDisconnect { ClientId = 3 };
                d.Header.Header = GuestRequests.Header(VmmDevRequestType.HgcmDisconnect, (uint)Marshal.SizeOf<HgcmDisconnect>());
                return Write(w, d);
            }, Marshal.SizeOf<HgcmDisconnect>());
        }));
    }

    /// <summary>Writes every seed into <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, bytes) in All())
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
    }

    private static HgcmFunctionParameter In(int gpa, uint size) => GuestRequests.Buffer(HgcmParameterType.LinAddrIn, size, (ulong)gpa);

    private static int Write<T>(Span<byte> at, in T value) where T : unmanaged
    {
        MemoryMarshal.Write(at, in value);
        return Marshal.SizeOf<T>();
    }

    private static byte[] Build(Action<SeedImage> build)
    {
        var seed = new SeedImage();
        build(seed);
        return seed.ToArray();
    }

    /// <summary>A seed being laid out: the address list first, then requests and buffers, 16-byte aligned.</summary>
    private sealed class SeedImage
    {
        private readonly byte[] _image = new byte[4096];
        private readonly List<int> _calls = [];
        private int _next = (1 + 4 * DeviceFuzzTarget.MaxHypercalls + 7) & ~7; // past the longest address list

        private int Place(int length)
        {
            int at = (_next + 15) & ~15;
            _next = at + length;
            return at;
        }

        public int Buffer(ReadOnlySpan<byte> bytes)
        {
            int at = Place(bytes.Length);
            bytes.CopyTo(_image.AsSpan(at));
            return at;
        }

        public void Request(Func<Span<byte>, int> write, int size)
        {
            int at = Place(size);
            write(_image.AsSpan(at, size));
            _calls.Add(at);
        }

        public void Log(string text)
        {
            int size = 24 + text.Length + 1;
            Request(w =>
            {
                Write(w, GuestRequests.Header(VmmDevRequestType.LogString, (uint)size));
                Encoding.ASCII.GetBytes(text, w[24..]);
                return size;
            }, size);
        }

        public void Call(bool is32, uint client, uint function, HgcmFunctionParameter[] parms) =>
            Request(w => GuestRequests.WriteCall(w, is32, client, function, parms), GuestRequests.CallSize + parms.Length * GuestRequests.ParmSize(is32));

        public byte[] ToArray()
        {
            _image[0] = (byte)(_calls.Count - 1);
            for (int i = 0; i < _calls.Count; i++)
                BitConverter.TryWriteBytes(_image.AsSpan(1 + 4 * i), (uint)_calls[i]);
            return _image[.._next];
        }
    }
}

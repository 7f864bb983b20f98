using System;
using System.Runtime.InteropServices;
using Xunit;

namespace IoctlSharp.Compat.Tests;

/// <summary>
/// Truth from real 32-bit code: Peer32/peer.c, built with gcc -m32 as a static freestanding i386 program and run
/// on this kernel, writes real instances of its structs; they are read here through the generated twins and
/// widened. The other way, values built here are narrowed through the twins and sent to the program, which
/// compares them with its own.
/// </summary>
public unsafe class Peer32Tests
{
    private static readonly Lazy<string> Peer = new(Gcc.BuildPeer32);

    // The stream, record by record, as peer.c's struct records lays it out.
    private const int CallSize = 40 + 4 * 12;

    [Fact]
    public void TheStreamHasTheShapeGccGivesIt()
    {
        var sizes = Gcc.Facts(System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Peer32", "peer.c")), i386: true);
        Assert.Equal(new long[]
        {
            CallSize, U64AfterU32.I386.SizeOf, WithPointers.I386.SizeOf, WithLongs.I386.SizeOf, SpaceResv.I386.SizeOf, Nested.I386.SizeOf,
        }, sizes);
    }

    [Fact]
    public void StructsWrittenByA32BitProgramWidenToTheValuesItWrote()
    {
        var (exit, output) = Gcc.Exec(Peer.Value, "w"u8.ToArray());
        Assert.Equal(0, exit);
        ReadOnlySpan<byte> bytes = output;
        Assert.Equal(CallSize + U64AfterU32.I386.SizeOf + WithPointers.I386.SizeOf + WithLongs.I386.SizeOf + SpaceResv.I386.SizeOf + Nested.I386.SizeOf, bytes.Length);

        // The HGCM call: a header laid out alike everywhere, then parm_count parameters in the 32-bit layout.
        var call = AbiCompat.Read<VbgIoctlHgcmCall>(bytes);
        Assert.Equal((88u, 0x10001u, 0u, -1, 88u, 0u), (call.Hdr.SizeIn, call.Hdr.Version, call.Hdr.Type, call.Hdr.Rc, call.Hdr.SizeOut, call.Hdr.Reserved));
        Assert.Equal((7u, 42u, 0xFFFFFFFFu, (byte)1, (byte)0, (ushort)4), (call.ClientId, call.Function, call.TimeoutMs, call.Interruptible, call.Reserved, call.ParmCount));
        var parms = new HgcmFunctionParameter[call.ParmCount];
        AbiCompat.ToNative<HgcmFunctionParameter.I386, HgcmFunctionParameter>(bytes.Slice(40, call.ParmCount * HgcmFunctionParameter.I386.SizeOf), parms);
        Assert.Equal((HgcmParameterType.Bit32, 0xDEADBEEFu), (parms[0].Type, parms[0].U.Value32));
        Assert.Equal((HgcmParameterType.Bit64, 0x0123456789ABCDEFul), (parms[1].Type, parms[1].U.Value64));
        Assert.Equal((HgcmParameterType.LinAddr, 0x1000u), (parms[2].Type, parms[2].U.Pointer.Size));
        Assert.Equal((nuint)0xFFFFF000u, parms[2].U.Pointer.U.LinearAddr); // zero-extended, as compat_ptr()
        Assert.Equal((HgcmParameterType.PageList, 0x2000u, 0x30u), (parms[3].Type, parms[3].U.PageList.Size, parms[3].U.PageList.Offset));
        int at = CallSize;

        var u64 = U64AfterU32.I386.Read(bytes.Slice(at)).ToNative();
        Assert.Equal((0x11111111u, 0x8877665544332211ul, 0x22222222u), (u64.A, u64.B, u64.C));
        at += U64AfterU32.I386.SizeOf;

        var ptrs = WithPointers.I386.Read(bytes.Slice(at)).ToNative();
        Assert.Equal((0xC0001000ul, 0x10ul, 7u), ((ulong)ptrs.P, (ulong)ptrs.Q, ptrs.N));
        at += WithPointers.I386.SizeOf;

        var longs = WithLongs.I386.Read(bytes.Slice(at)).ToNative();
        Assert.Equal(-5, (long)longs.L.Value);              // sign-extended
        Assert.Equal(0xFFFFFFFEul, (ulong)longs.U.Value);   // zero-extended
        Assert.Equal(-2, (long)longs.N);
        Assert.Equal(0x80000000ul, (ulong)longs.Z);
        at += WithLongs.I386.SizeOf;

        var resv = SpaceResv.I386.Read(bytes.Slice(at)).ToNative();
        Assert.Equal(((short)1, (short)2, -4096L, 0x123456789L, -3, 4242u), (resv.LType, resv.LWhence, resv.LStart, resv.LLen, resv.LSysid, resv.LPid));
        Assert.Equal((1, 2, 3, 4), (resv.LPad[0], resv.LPad[1], resv.LPad[2], resv.LPad[3]));
        at += SpaceResv.I386.SizeOf;

        var nested = Nested.I386.Read(bytes.Slice(at)).ToNative();
        Assert.Equal((ushort)0xBEEF, nested.Tag);
        for (int i = 0; i < 3; i++)
            Assert.Equal((0x80000000ul | (0x1000ul * (ulong)(i + 1)), 0x100ul + (ulong)i), ((ulong)nested.Bufs[i].Uptr, (ulong)nested.Bufs[i].Size));
        Assert.Equal((1u, 0xFEDCBA9876543210ul, 2u), (nested.Inner.A, nested.Inner.B, nested.Inner.C));
        Assert.Equal((5u, 6u), (nested.Words[0], nested.Words[1]));
    }

    [Fact]
    public void StructsNarrowedHereAreWhatThe32BitProgramBuildsItself()
    {
        var buffer = new byte[1 + CallSize + U64AfterU32.I386.SizeOf + WithPointers.I386.SizeOf + WithLongs.I386.SizeOf + SpaceResv.I386.SizeOf + Nested.I386.SizeOf];
        buffer[0] = (byte)'v';
        Span<byte> to = buffer.AsSpan(1);

        var call = new VbgIoctlHgcmCall
        {
            Hdr = new VbgIoctlHdr { SizeIn = CallSize, Version = 0x10001, Rc = -1, SizeOut = CallSize },
            ClientId = 7, Function = 42, TimeoutMs = uint.MaxValue, Interruptible = 1, ParmCount = 4,
        };
        AbiCompat.Write(to, call);
        var parms = new HgcmFunctionParameter[4];
        parms[0].Type = HgcmParameterType.Bit32;
        parms[0].U.Value32 = 0xDEADBEEF;
        parms[1].Type = HgcmParameterType.Bit64;
        parms[1].U.Value64 = 0x0123456789ABCDEF;
        parms[2].Type = HgcmParameterType.LinAddr;
        parms[2].U.Pointer.Size = 0x1000;
        parms[2].U.Pointer.U.LinearAddr = 0xFFFFF000;
        parms[3].Type = HgcmParameterType.PageList;
        parms[3].U.PageList = new HgcmPageList { Size = 0x2000, Offset = 0x30 };
        AbiCompat.FromNative<HgcmFunctionParameter.I386, HgcmFunctionParameter>(parms, to.Slice(40));
        int at = CallSize;

        U64AfterU32.I386.FromNative(new U64AfterU32 { A = 0x11111111, B = 0x8877665544332211, C = 0x22222222 }).Write(to.Slice(at));
        at += U64AfterU32.I386.SizeOf;
        WithPointers.I386.FromNative(new WithPointers { P = (void*)0xC0001000, Q = (byte*)0x10, N = 7 }).Write(to.Slice(at));
        at += WithPointers.I386.SizeOf;
        WithLongs.I386.FromNative(new WithLongs { L = new CLong(-5), U = new CULong(0xFFFFFFFE), N = -2, Z = 0x80000000 }).Write(to.Slice(at));
        at += WithLongs.I386.SizeOf;

        var resv = new SpaceResv { LType = 1, LWhence = 2, LStart = -4096, LLen = 0x123456789, LSysid = -3, LPid = 4242 };
        for (int i = 0; i < 4; i++) resv.LPad[i] = i + 1;
        SpaceResv.I386.FromNative(resv).Write(to.Slice(at));
        at += SpaceResv.I386.SizeOf;

        var nested = new Nested { Tag = 0xBEEF, Inner = new U64AfterU32 { A = 1, B = 0xFEDCBA9876543210, C = 2 } };
        for (int i = 0; i < 3; i++)
            nested.Bufs[i] = new PrivcmdDmOpBuf { Uptr = (void*)(0x80000000ul | (0x1000ul * (ulong)(i + 1))), Size = 0x100 + (nuint)i };
        nested.Words[0] = 5;
        nested.Words[1] = 6;
        Nested.I386.FromNative(nested).Write(to.Slice(at));

        var (exit, _) = Gcc.Exec(Peer.Value, buffer);
        Assert.True(exit == 0, $"the 32-bit program rejected record {exit - 10} (exit code {exit})");
    }

    [Fact]
    public void TheProgramNoticesACorruptedRecord()
    {
        // Proves the verifying direction can fail: the same stream the program wrote, with one byte of the
        // with_longs record flipped, is rejected at that record.
        var (_, output) = Gcc.Exec(Peer.Value, "w"u8.ToArray());
        var input = new byte[1 + output.Length];
        input[0] = (byte)'v';
        output.CopyTo(input, 1);
        input[1 + CallSize + U64AfterU32.I386.SizeOf + WithPointers.I386.SizeOf] ^= 1;
        Assert.Equal(17, Gcc.Exec(Peer.Value, input).ExitCode);
        input[1 + CallSize + U64AfterU32.I386.SizeOf + WithPointers.I386.SizeOf] ^= 1;
        Assert.Equal(0, Gcc.Exec(Peer.Value, input).ExitCode);
    }
}

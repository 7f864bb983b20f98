using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace IoctlSharp.Compat.Tests;

/// <summary>
/// A 64-bit little-endian process reading and writing the bytes of 32-bit peers in their own byte order:
/// Peers/&lt;target&gt;.hex are the bytes of peer-record.c's <c>peer</c> as that target's gcc stores them
/// (make-peer-bytes.sh), big-endian (mips32, powerpc, m68k, hppa, mips n32) and little-endian (sh4, x32).
/// </summary>
public sealed class PeerByteOrderTests
{
    public static TheoryData<string> Targets() => new() { "mips32", "powerpc", "m68k", "hppa", "mipsn32", "sh4", "x32" };

    private static byte[] GccBytes(string target)
        => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Peers", target + ".hex"))
            .Where(l => !l.StartsWith('#'))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(b => byte.Parse(b, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();

    private static (Func<byte[], PeerRecord> Read, Func<PeerRecord, byte[]> Write, AbiTarget Target) Twin(string target) => target switch
    {
        "mips32" => (b => PeerRecord.Mips32.Read(b).ToNative(), n => Bytes(PeerRecord.Mips32.FromNative(n).Write, PeerRecord.Mips32.SizeOf), AbiTarget.Mips32),
        "powerpc" => (b => PeerRecord.Powerpc.Read(b).ToNative(), n => Bytes(PeerRecord.Powerpc.FromNative(n).Write, PeerRecord.Powerpc.SizeOf), AbiTarget.Powerpc),
        "m68k" => (b => PeerRecord.M68k.Read(b).ToNative(), n => Bytes(PeerRecord.M68k.FromNative(n).Write, PeerRecord.M68k.SizeOf), AbiTarget.M68k),
        "hppa" => (b => PeerRecord.Hppa.Read(b).ToNative(), n => Bytes(PeerRecord.Hppa.FromNative(n).Write, PeerRecord.Hppa.SizeOf), AbiTarget.Hppa),
        "mipsn32" => (b => PeerRecord.Mipsn32.Read(b).ToNative(), n => Bytes(PeerRecord.Mipsn32.FromNative(n).Write, PeerRecord.Mipsn32.SizeOf), AbiTarget.Mipsn32),
        "sh4" => (b => PeerRecord.Sh4.Read(b).ToNative(), n => Bytes(PeerRecord.Sh4.FromNative(n).Write, PeerRecord.Sh4.SizeOf), AbiTarget.Sh4),
        "x32" => (b => PeerRecord.X32.Read(b).ToNative(), n => Bytes(PeerRecord.X32.FromNative(n).Write, PeerRecord.X32.SizeOf), AbiTarget.X32),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    private delegate void Writer(Span<byte> destination);

    private static byte[] Bytes(Writer write, int size)
    {
        var bytes = new byte[size];
        write(bytes);
        return bytes;
    }

    /// <summary>The values peer-record.c initialises <c>peer</c> with.</summary>
    private static unsafe void AssertIsTheCPeer(in PeerRecord r)
    {
        Assert.Equal(0xCAFEF00Du, r.Tag);
        Assert.Equal(-2, (long)r.L.Value);
        Assert.Equal(0x89ABCDEFul, (ulong)r.Ul.Value);
        Assert.Equal(0x12345678ul, (ulong)r.P);
        Assert.Equal(0x0102030405060708ul, r.Big);
        Assert.Equal(-3, r.S);
        Assert.Equal((ushort)0x1122, r.In[0].A);
        Assert.Equal(0x33445566u, r.In[0].B);
        Assert.Equal((ushort)0x7788, r.In[1].A);
        Assert.Equal(0x99AABBCCu, r.In[1].B);
        fixed (byte* b = r.Bytes)
            Assert.Equal(new byte[] { 1, 2, 3 }, new ReadOnlySpan<byte>(b, 3).ToArray());
        Assert.Equal(1.5, r.D);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void APeersBytesReadAsItsValues(string target)
    {
        var bytes = GccBytes(target);
        var (read, _, abi) = Twin(target);
        Assert.Equal(AbiLayout.Of<PeerRecord>(abi).Size, bytes.Length);
        AssertIsTheCPeer(read(bytes));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void ValuesWriteAsThePeersBytes(string target)
    {
        var bytes = GccBytes(target);
        var (read, write, _) = Twin(target);
        Assert.Equal(bytes, write(read(bytes)));
    }

    [Fact]
    public void ArraysOfPeerStructsConvertInThePeersByteOrder()
    {
        var one = GccBytes("mips32");
        var three = one.Concat(one).Concat(one).ToArray();
        var natives = new PeerRecord[3];
        AbiCompat.ToNative<PeerRecord.Mips32, PeerRecord>(three, natives);
        foreach (var n in natives)
            AssertIsTheCPeer(n);
        var back = new byte[three.Length];
        AbiCompat.FromNative<PeerRecord.Mips32, PeerRecord>(natives, back);
        Assert.Equal(three, back);
    }

    /// <summary>The big-endian bytes read as they are, without the reversal, are not the values: the test above has teeth.</summary>
    [Fact]
    public void WithoutTheReversalTheValuesAreWrong()
    {
        var raw = AbiCompat.Read<PeerRecord.Mips32>(GccBytes("mips32"));
        Assert.Equal(0x0DF0FECAu, raw.Tag);
        Assert.NotEqual(0xCAFEF00Du, raw.ToNative().Tag);
    }

    /// <summary>
    /// vboxguest's HGCM parameter holds a union whose members are different scalars (a __u32, a __u64, a struct):
    /// which bytes to reverse depends on the active member, so a big-endian peer's bytes are refused with the union
    /// named, never reversed by a guess; a little-endian peer's need no reversal and read as they are.
    /// </summary>
    [Fact]
    public void AUnionOfDifferentScalarsIsRefusedInAnotherByteOrder()
    {
        var e = Assert.Throws<NotSupportedException>(() => HgcmFunctionParameter.Mips32.Read(new byte[HgcmFunctionParameter.Mips32.SizeOf]));
        Assert.Contains("HgcmFunctionParameter.U", e.Message);
        Assert.Contains("mips32", e.Message);
        var x32 = HgcmFunctionParameter.X32.Read(new byte[HgcmFunctionParameter.X32.SizeOf]);
        Assert.Equal(HgcmParameterType.Invalid, x32.Type);
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit;

namespace IoctlSharp.Compat.Tests;

/// <summary>
/// Properties of the generated conversions over many values (fixed seeds, bounded counts): narrowing then
/// widening gives back every in-range value bit for bit; every out-of-range value is rejected, by the Try form
/// and by the throwing one, naming the member; and random bytes fed to the readers end in the documented
/// exceptions or in a value, never in anything else.
/// </summary>
public unsafe class PropertyTests
{
    private const int Count = 2000;

    private static readonly HgcmParameterType[] Known =
    {
        HgcmParameterType.Bit32, HgcmParameterType.Bit64, HgcmParameterType.PhysAddr, HgcmParameterType.LinAddr, HgcmParameterType.LinAddrIn,
        HgcmParameterType.LinAddrOut, HgcmParameterType.LinAddrKernel, HgcmParameterType.LinAddrKernelIn, HgcmParameterType.LinAddrKernelOut,
        HgcmParameterType.PageList,
    };

    [Fact]
    public void NarrowingThenWideningAnInRangeHgcmParameterIsTheIdentity()
    {
        var random = new Random(4);
        for (int i = 0; i < Count; i++)
        {
            var p = RandomParameter(random, inRange: true);
            Assert.True(HgcmFunctionParameter.I386.TryFromNative(p, out var i386));
            Assert.True(HgcmFunctionParameter.Arm32.TryFromNative(p, out var arm32));
            AssertSameBytes(p, i386.ToNative());
            AssertSameBytes(p, arm32.ToNative());
        }
    }

    [Fact]
    public void NarrowingThenWideningInRangeLongsPointersAndNestedStructsIsTheIdentity()
    {
        var random = new Random(5);
        for (int i = 0; i < Count; i++)
        {
            var longs = new WithLongs
            {
                L = new CLong((nint)random.NextInt64(int.MinValue, (long)int.MaxValue + 1)),
                U = new CULong((nuint)random.NextInt64(0, (long)uint.MaxValue + 1)),
                N = (nint)random.NextInt64(int.MinValue, (long)int.MaxValue + 1),
                Z = (nuint)random.NextInt64(0, (long)uint.MaxValue + 1),
            };
            AssertSameBytes(longs, WithLongs.I386.FromNative(longs).ToNative());
            AssertSameBytes(longs, WithLongs.Arm32.FromNative(longs).ToNative());

            var nested = new Nested { Tag = (ushort)random.Next(), Inner = new U64AfterU32 { A = (uint)random.Next(), B = (ulong)random.NextInt64(), C = (uint)random.Next() } };
            for (int j = 0; j < 3; j++)
                nested.Bufs[j] = new PrivcmdDmOpBuf { Uptr = (void*)random.NextInt64(0, (long)uint.MaxValue + 1), Size = (nuint)random.NextInt64(0, (long)uint.MaxValue + 1) };
            nested.Words[0] = (uint)random.Next();
            nested.Words[1] = (uint)random.Next();
            AssertSameBytes(nested, Nested.I386.FromNative(nested).ToNative());
            AssertSameBytes(nested, Nested.Arm32.FromNative(nested).ToNative());

            var batch = new PrivcmdMmapbatchV2 { Num = (uint)random.Next(), Dom = (ushort)random.Next(), Addr = (ulong)random.NextInt64(), Arr = (CULong*)random.NextInt64(0, (long)uint.MaxValue + 1), Err = (int*)random.NextInt64(0, (long)uint.MaxValue + 1) };
            AssertSameBytes(batch, PrivcmdMmapbatchV2.I386.FromNative(batch).ToNative());
        }
    }

    [Fact]
    public void EveryOutOfRangeValueIsRejectedNamingTheMember()
    {
        var random = new Random(6);
        for (int i = 0; i < Count; i++)
        {
            long big = random.NextInt64((long)uint.MaxValue + 1, long.MaxValue);
            long tooNegative = random.NextInt64(long.MinValue, (long)int.MinValue);
            int which = random.Next(4);
            var longs = new WithLongs();
            string member = which switch
            {
                0 => Set(ref longs.L, new CLong((nint)(random.Next(2) == 0 ? big : tooNegative)), "L"),
                1 => Set(ref longs.U, new CULong((nuint)big), "U"),
                2 => Set(ref longs.N, (nint)(random.Next(2) == 0 ? big : tooNegative), "N"),
                _ => Set(ref longs.Z, (nuint)big, "Z"),
            };
            Assert.False(WithLongs.I386.TryFromNative(longs, out _));
            var e = Assert.Throws<AbiConversionException>(() => WithLongs.I386.FromNative(longs));
            Assert.Equal((member, AbiConversionFaultKind.OutOfRange, AbiTarget.I386), (e.ParamName, e.Fault.Kind, e.Target));

            var p = RandomParameter(random, inRange: false);
            Assert.False(HgcmFunctionParameter.Arm32.TryFromNative(p, out _));
            var pe = Assert.Throws<AbiConversionException>(() => HgcmFunctionParameter.I386.FromNative(p));
            Assert.Equal("U.Pointer.U.PhysAddr", pe.ParamName); // the union's members are one value: converted as its first

            var nested = new Nested();
            int slot = random.Next(3);
            nested.Bufs[slot].Size = (nuint)big;
            Assert.Equal($"Bufs[{slot}].Size", Assert.Throws<AbiConversionException>(() => Nested.I386.FromNative(nested)).ParamName);
        }
    }

    /// <summary>
    /// Arrays of twins whose C size is not a multiple of .NET's alignment of their members (a 12-byte i386 struct
    /// holding a u64): the byte-span conversions step by the C size, and writing them back touches nothing past
    /// the last one.
    /// </summary>
    [Fact]
    public void ArraysOfTwinsOfStructsWith64BitMembersRoundTripAtTheCStride()
    {
        Assert.Equal((12, 12), (Unsafe.SizeOf<U64AfterU32Short.I386>(), U64AfterU32Short.I386.SizeOf));
        Assert.Equal((40, 40), (Unsafe.SizeOf<ArrayOfShorts.I386>(), ArrayOfShorts.I386.SizeOf));
        var random = new Random(9);
        for (int i = 0; i < Count / 10; i++)
        {
            var natives = new ArrayOfShorts[1 + random.Next(5)];
            foreach (ref var n in natives.AsSpan())
            {
                n.N = (uint)random.Next();
                for (int k = 0; k < 3; k++)
                    n.Items[k] = new U64AfterU32Short { A = (uint)random.Next(), B = (ulong)random.NextInt64() };
            }

            // Laid out back to back at 40 bytes each, as a 32-bit peer has them, with a canary after the last.
            var bytes = new byte[natives.Length * 40 + 16];
            bytes.AsSpan(natives.Length * 40).Fill(0xCC);
            AbiCompat.FromNative<ArrayOfShorts.I386, ArrayOfShorts>(natives, bytes.AsSpan(0, natives.Length * 40));
            Assert.All(bytes[(natives.Length * 40)..], b => Assert.Equal(0xCC, b));
            for (int k = 0; k < natives.Length; k++)
            {
                // Each one where C puts it: its items' u64s at 40k + 4 + 12j + 4.
                Assert.Equal(natives[k].N, BitConverter.ToUInt32(bytes, 40 * k));
                for (int j = 0; j < 3; j++)
                    Assert.Equal(natives[k].Items[j].B, BitConverter.ToUInt64(bytes, 40 * k + 4 + 12 * j + 4));
            }

            var back = new ArrayOfShorts[natives.Length];
            AbiCompat.ToNative<ArrayOfShorts.I386, ArrayOfShorts>(bytes, back);
            for (int k = 0; k < natives.Length; k++)
                AssertSameBytes(natives[k], back[k]);

            // One twin written into its slot leaves its neighbours alone.
            var one = ArrayOfShorts.I386.FromNative(natives[0]);
            var copy = (byte[])bytes.Clone();
            one.Write(copy.AsSpan(0, 40));
            Assert.Equal(bytes, copy);
        }
    }

    [Fact]
    public void AnUnknownDiscriminatorIsAnErrorBothWays()
    {
        var random = new Random(7);
        for (int i = 0; i < Count; i++)
        {
            var type = (HgcmParameterType)(uint)random.Next(11, int.MaxValue);
            if (i % 4 == 0) type = HgcmParameterType.Invalid;
            var native = new HgcmFunctionParameter { Type = type };
            var twin = new HgcmFunctionParameter.I386 { Type = type };
            Assert.False(HgcmFunctionParameter.I386.TryFromNative(native, out _));
            Assert.False(twin.TryToNative(out _));
            var e = Assert.Throws<AbiConversionException>(() => twin.ToNative());
            Assert.Equal(("U", AbiConversionFaultKind.UnknownDiscriminator), (e.ParamName, e.Fault.Kind));
        }
    }

    [Fact]
    public void RandomBytesFedToTheReadersEndInAValueOrInTheDocumentedExceptions()
    {
        var random = new Random(8);
        int values = 0, shortBuffers = 0, badValues = 0;
        var natives = new HgcmFunctionParameter[8];
        for (int i = 0; i < Count; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            if (random.Next(2) == 0 && bytes.Length >= 4)
                bytes[0] = (byte)random.Next(0, 12); // mostly known parameter types, so conversions get exercised too
            int count = random.Next(0, natives.Length + 1);
            try
            {
                AbiCompat.ToNative<HgcmFunctionParameter.I386, HgcmFunctionParameter>(bytes, natives.AsSpan(0, count));
                var one = HgcmFunctionParameter.I386.Read(bytes);
                Assert.Equal(one.TryToNative(out _), HgcmFunctionParameter.I386.TryRead(bytes, out var again) && again.TryToNative(out _));
                _ = Nested.I386.Read(bytes).ToNative();
                values++;
            }
            catch (AbiBufferException e)
            {
                Assert.True(e.Required > e.Actual);
                Assert.Equal(bytes.Length, e.Actual);
                shortBuffers++;
            }
            catch (AbiConversionException e)
            {
                Assert.Equal(AbiConversionFaultKind.UnknownDiscriminator, e.Fault.Kind);
                badValues++;
            }
        }

        Assert.True(values > 0 && shortBuffers > 0 && badValues > 0, $"{values} values, {shortBuffers} short buffers, {badValues} bad values");
        Assert.False(HgcmFunctionParameter.I386.TryRead(new byte[11], out _));
        Assert.Throws<AbiBufferException>(() => new HgcmFunctionParameter.I386().Write(new byte[11]));
        Assert.Throws<AbiBufferException>(() => AbiCompat.FromNative<HgcmFunctionParameter.I386, HgcmFunctionParameter>(new HgcmFunctionParameter[2], new byte[23]));
    }

    private static HgcmFunctionParameter RandomParameter(Random random, bool inRange)
    {
        var p = new HgcmFunctionParameter { Type = inRange ? Known[random.Next(Known.Length)] : HgcmParameterType.LinAddr };
        switch (p.Type)
        {
            case HgcmParameterType.Bit32:
                p.U.Value32 = (uint)random.NextInt64(0, (long)uint.MaxValue + 1);
                break;
            case HgcmParameterType.Bit64:
                p.U.Value64 = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
                break;
            case HgcmParameterType.PageList:
                p.U.PageList = new HgcmPageList { Size = (uint)random.Next(), Offset = (uint)random.Next() };
                break;
            default:
                p.U.Pointer.Size = (uint)random.Next();
                p.U.Pointer.U.LinearAddr = inRange ? (nuint)random.NextInt64(0, (long)uint.MaxValue + 1) : (nuint)random.NextInt64((long)uint.MaxValue + 1, long.MaxValue);
                break;
        }

        return p;
    }

    private static string Set<T>(ref T field, T value, string name)
    {
        field = value;
        return name;
    }

    private static void AssertSameBytes<T>(T expected, T actual) where T : unmanaged
        => Assert.Equal(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in expected)).ToArray(), MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in actual)).ToArray());
}

using System;
using System.Linq;
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Headers.Kvm;
using IoctlSharp.Conformance.Tests.Headers.LayoutRules;
using Xunit;

namespace IoctlSharp.Conformance.Tests;

/// <summary>
/// The generated accessors write the bits the layout query names (which gcc placed: GccConformanceTests), read back
/// what was set without touching their neighbours, and reject a value that does not fit.
/// </summary>
public sealed class BitFieldAccessorTests
{
    private static byte[] BytesOf<T>(T value) where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();

    [Fact]
    public void EachRedirectionEntryBitFieldSetsExactlyItsOwnBits()
    {
        var layout = AbiLayout.Native<KvmIoapicRedirFields>();
        var fields = layout.Fields.SelectMany(f => f.BitFields).Where(b => b.Name is not null).ToList();
        Assert.Equal(new[] { "delivery_mode", "dest_mode", "delivery_status", "polarity", "remote_irr", "trig_mode", "mask", "reserve" },
            fields.Select(b => b.Name));
        foreach (var b in fields)
        {
            var entry = default(KvmIoapicRedirFields);
            byte max = (byte)((1 << b.Width) - 1);
            var property = typeof(KvmIoapicRedirFields).GetProperty(string.Concat(b.Name!.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))!;
            object boxed = entry;
            property.SetValue(boxed, max);
            entry = (KvmIoapicRedirFields)boxed;
            var bytes = BytesOf(entry);
            var expected = new byte[bytes.Length];
            AbiBitFields.Write(expected, b.BitOffset, b.Width, !BitConverter.IsLittleEndian, max);
            Assert.Equal(expected, bytes);
            Assert.Equal(max, property.GetValue(entry));
        }
    }

    [Theory]
    [InlineData(AbiTarget.X86_64)]
    [InlineData(AbiTarget.I386)]
    [InlineData(AbiTarget.Ppc64)]
    public void FindGivesAStorageMembersBitFieldsWithOffsetsFromTheStructAskedOf(AbiTarget target)
    {
        var state = AbiLayout.Of<KvmIoapicState>(target);
        var entry = state.Find("redirtbl[1].fields");
        var storage = state.Find("redirtbl[1].fields.mode_bits");
        var own = AbiLayout.Of<KvmIoapicRedirFields>(target)["ModeBits"].BitFields;
        Assert.Equal(own.Select(b => (b.Name, b.BitOffset + entry.Offset * 8, b.Width)),
            storage.BitFields.Select(b => (b.Name, b.BitOffset, b.Width)));
        Assert.NotEmpty(storage.BitFields);
    }

    [Fact]
    public void AccessorsRoundTripAndRejectWhatDoesNotFit()
    {
        var e = default(KvmIoapicRedirFields);
        e.Vector = 0x30;
        e.DeliveryMode = 5;
        e.TrigMode = 1;
        e.Mask = 1;
        Assert.Equal((byte)0x30, e.Vector);
        Assert.Equal((byte)5, e.DeliveryMode);
        Assert.Equal((byte)0, e.DestMode);
        Assert.Equal((byte)1, e.TrigMode);
        Assert.Equal((byte)1, e.Mask);
        Assert.False(e.TrySetDeliveryMode(8));
        Assert.Equal((byte)5, e.DeliveryMode);
        var thrown = Assert.Throws<AbiBitFieldOverflowException>(() => e.DeliveryMode = 8);
        Assert.Equal("delivery_mode", thrown.BitField);
        Assert.Equal(3, thrown.Width);

        var u = default(RulesBitsU64);
        Assert.True(u.TrySetC(-16));
        Assert.Equal(-16, u.C);                   // signed: sign-extended from 5 bits
        Assert.False(u.TrySetC(16));
        Assert.False(u.TrySetC(-17));
        u.A = (1UL << 40) - 1;
        u.B = (1UL << 30) - 1;
        Assert.Equal((1UL << 40) - 1, u.A);
        Assert.Equal((1UL << 30) - 1, u.B);
        Assert.Equal(-16, u.C);
        Assert.Throws<AbiBitFieldOverflowException>(() => u.A = 1UL << 40);

        var z = default(RulesBitsZero);
        z.C = true;
        Assert.True(z.C);
        Assert.Equal((byte)0, z.B);
    }
}

/// <summary>A 32-bit twin carries the bit-fields: in its layout, and value by value through the conversions.</summary>
public sealed class BitFieldTwinTests
{
    [Fact]
    public void TheI386TwinConvertsBitFieldsValueByValueAndItsBytesHoldThemWhereGccDoes()
    {
        var native = default(RulesBitsAfterPointer);
        native.A = 17;
        native.B = 100;
        native.C = -300000;
        var twin = RulesBitsAfterPointer.I386.FromNative(native);
        var bytes = new byte[RulesBitsAfterPointer.I386.SizeOf];
        twin.Write(bytes);
        var layout = AbiLayout.Of<RulesBitsAfterPointer>(AbiTarget.I386);
        Assert.Equal(4, layout["Unit0"].Offset);
        Assert.Equal(17UL, AbiBitFields.Read(bytes, layout.BitField("a").BitOffset, 5, bigEndian: false));
        Assert.Equal(100UL, AbiBitFields.Read(bytes, layout.BitField("b").BitOffset, 7, bigEndian: false));
        Assert.Equal(-300000L, AbiBitFields.ReadSigned(bytes, layout.BitField("c").BitOffset, 20, bigEndian: false));
        var back = RulesBitsAfterPointer.I386.Read(bytes).ToNative();
        Assert.Equal((17u, 100u, -300000), (back.A, back.B, back.C));
    }
}

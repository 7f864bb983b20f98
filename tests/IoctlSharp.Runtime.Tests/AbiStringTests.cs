using System;
using System.Text;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>AbiString: C's NUL-terminated strings in fixed buffers, with nothing silent in either direction.</summary>
public sealed class AbiStringTests
{
    [Fact]
    public void SetWritesTheBytesANulAndZeroesToTheEnd()
    {
        var buffer = new byte[8];
        buffer.AsSpan().Fill(0xAA);
        AbiString.Set(buffer, "tun0");
        Assert.Equal(new byte[] { (byte)'t', (byte)'u', (byte)'n', (byte)'0', 0, 0, 0, 0 }, buffer);
        Assert.Equal("tun0", AbiString.Get(buffer));
    }

    [Theory]
    [InlineData("é", 3, true)]     // 2 UTF-8 bytes and the NUL: fits exactly
    [InlineData("é", 2, false)]    // no room for the NUL
    [InlineData("", 1, true)]
    [InlineData("", 0, false)]     // not even a NUL fits
    [InlineData("a\0b", 8, false)] // a NUL inside would end the C string early
    public void ABufferHoldsTheStringOnlyWithItsNul(string value, int size, bool fits)
    {
        var buffer = new byte[size];
        buffer.AsSpan().Fill(0x5A);
        var before = (byte[])buffer.Clone();
        Assert.Equal(fits, AbiString.TrySet(buffer, value));
        if (fits)
        {
            Assert.Equal(value, AbiString.Get(buffer));
        }
        else
        {
            Assert.Equal(before, buffer); // unchanged
            Assert.Throws<AbiStringException>(() => AbiString.Set(buffer, value));
            Assert.Equal(before, buffer);
        }
    }

    [Fact]
    public void ABufferWithoutNulHoldsNoCString()
    {
        var buffer = Encoding.ASCII.GetBytes("abcdefgh");
        Assert.Throws<AbiStringException>(() => AbiString.Get(buffer));
        Assert.False(AbiString.TryGet(buffer, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void TheStringEndsAtTheFirstNul()
    {
        var buffer = new byte[] { (byte)'l', (byte)'o', 0, (byte)'x', (byte)'y', 0 };
        Assert.Equal("lo", AbiString.Get(buffer));
    }

    [Fact]
    public void EncodingsAreStrict()
    {
        // Invalid UTF-8 is an error, not U+FFFD.
        Assert.False(AbiString.TryGet(new byte[] { 0xFF, 0 }, out _));
        Assert.Throws<AbiStringException>(() => AbiString.Get(new byte[] { 0xC3, 0 }));
        Assert.Equal("é", AbiString.Get(new byte[] { 0xC3, 0xA9, 0 }));

        // ASCII: nothing above 0x7F, either way.
        Assert.False(AbiString.TryGet(new byte[] { 0xC3, 0xA9, 0 }, out _, AbiStringEncoding.Ascii));
        var buffer = new byte[4];
        Assert.False(AbiString.TrySet(buffer, "é", AbiStringEncoding.Ascii));
        Assert.Equal(new byte[4], buffer);
        Assert.True(AbiString.TrySet(buffer, "eth", AbiStringEncoding.Ascii));
        Assert.Equal("eth", AbiString.Get(buffer, AbiStringEncoding.Ascii));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiString.Get(buffer, (AbiStringEncoding)7));
    }
}

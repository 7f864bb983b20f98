// linux/spi/spidev.h, declared with IoctlSharp: struct spi_ioc_transfer and every SPI_IOC_* request, SPI_IOC_MESSAGE(n)
// with its macro argument (n transfers: n * sizeof(struct spi_ioc_transfer) in the size field), probed at several n.
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.Spidev;

[AbiStruct(ExpectedSize = 32)]
public partial struct SpiIocTransfer
{
    public ulong TxBuf;
    public ulong RxBuf;
    public uint Len;
    public uint SpeedHz;
    public ushort DelayUsecs;
    public byte BitsPerWord;
    public byte CsChange;
    public byte TxNbits;
    public byte RxNbits;
    public byte WordDelayUsecs;
    public byte Pad;
}

[IoctlGroup('k')]
public static unsafe partial class Spidev
{
    // _IOW(SPI_IOC_MAGIC, 0, char[SPI_MSGSIZE(N)]): 255 transfers (8,160 bytes) fit every target's size field; 256 do
    // not fit powerpc's and mips' 13 bits, where C's SPI_MSGSIZE gives 0 and IoctlSharp throws.
    [IoctlWrite(0, Name = "SPI_IOC_MESSAGE"), CMacroArgument(1), CMacroArgument(2), CMacroArgument(16), CMacroArgument(255)]
    public static partial int Message(SafeHandle device, [IoctlMacroArgument(IoctlMacroArgumentKind.CountsSizeOf)] int n, SpiIocTransfer* transfers);

    [IoctlRead(1, Name = "SPI_IOC_RD_MODE")]
    public static partial void ReadMode(SafeHandle device, out byte mode);

    [IoctlWrite(1, Name = "SPI_IOC_WR_MODE")]
    public static partial void WriteMode(SafeHandle device, in byte mode);

    [IoctlRead(2, Name = "SPI_IOC_RD_LSB_FIRST")]
    public static partial void ReadLsbFirst(SafeHandle device, out byte lsbFirst);

    [IoctlWrite(2, Name = "SPI_IOC_WR_LSB_FIRST")]
    public static partial void WriteLsbFirst(SafeHandle device, in byte lsbFirst);

    [IoctlRead(3, Name = "SPI_IOC_RD_BITS_PER_WORD")]
    public static partial void ReadBitsPerWord(SafeHandle device, out byte bits);

    [IoctlWrite(3, Name = "SPI_IOC_WR_BITS_PER_WORD")]
    public static partial void WriteBitsPerWord(SafeHandle device, in byte bits);

    [IoctlRead(4, Name = "SPI_IOC_RD_MAX_SPEED_HZ")]
    public static partial void ReadMaxSpeedHz(SafeHandle device, out uint hz);

    [IoctlWrite(4, Name = "SPI_IOC_WR_MAX_SPEED_HZ")]
    public static partial void WriteMaxSpeedHz(SafeHandle device, in uint hz);

    [IoctlRead(5, Name = "SPI_IOC_RD_MODE32")]
    public static partial void ReadMode32(SafeHandle device, out uint mode);

    [IoctlWrite(5, Name = "SPI_IOC_WR_MODE32")]
    public static partial void WriteMode32(SafeHandle device, in uint mode);
}

using IoctlSharp.Conformance.Tests.Probe;
using Xunit;

namespace IoctlSharp.Conformance.Tests;

/// <summary>The read-back of gcc's assembly, on the directive spellings of the targets' assemblers.</summary>
public sealed class AsmReaderTests
{
    [Fact]
    public void ReadsX86Style()
    {
        const string asm = "\t.globl\tioctlsharp_probe\n\t.section\t.rodata\n\t.align 32\n\t.type\tioctlsharp_probe, @object\n"
                           + "\t.size\tioctlsharp_probe, 24\nioctlsharp_probe:\n\t.long\t24\n\t.long\t-1073697218\n\t.zero\t8\n\t.long\t0x10\n"
                           + "\t.long\t7\n\t.ident\t\"GCC\"\n";
        Assert.Equal(new uint[] { 24, 0xC000AE3E, 0, 0, 16, 7 }, Gcc.ReadArray(asm, "ioctlsharp_probe"));
    }

    [Fact]
    public void ReadsWordAndSpaceStyles()
    {
        const string asm = "ioctlsharp_probe:\n\t.word\t536915457\n\t.space\t4\n\t.4byte\t3\n\t.word\t1, 2\n\t.size\tioctlsharp_probe, 20\n";
        Assert.Equal(new uint[] { 0x2000AE01, 0, 3, 1, 2 }, Gcc.ReadArray(asm, "ioctlsharp_probe"));
    }
}

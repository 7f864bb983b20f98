using IoctlSharp;

namespace IoctlSharp.Conformance.Tests.Headers.Mman;

// linux/mman.h (with asm/mman.h): mmap, msync, mlockall and madvise constants. Most are numbered per architecture
// (alpha, hppa, mips, powerpc and sparc have their own asm/mman.h); the per-target values were read off each
// target's gcc, and the probe compares every one with gcc again.
[AbiConstants(Header = "<linux/mman.h>")]
public static partial class Mman
{
    [AbiConstant("PROT_NONE")]
    public const int ProtNone = 0x0;

    [AbiConstant("PROT_READ")]
    public const int ProtRead = 0x1;

    [AbiConstant("PROT_WRITE")]
    public const int ProtWrite = 0x2;

    [AbiConstant("PROT_EXEC")]
    public const int ProtExec = 0x4;

    [AbiConstant("MAP_SHARED")]
    public const int MapShared = 0x1;

    [AbiConstant("MAP_PRIVATE")]
    public const int MapPrivate = 0x2;

    [AbiConstant("MAP_FIXED")]
    [AbiValueOn(0x100, AbiTarget.Alpha)]
    [AbiValueOn(0x4, AbiTarget.Hppa)]
    public const int MapFixed = 0x10;

    [AbiConstant("MAP_ANONYMOUS")]
    [AbiValueOn(0x800, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [AbiValueOn(0x10, AbiTarget.Alpha, AbiTarget.Hppa)]
    public const int MapAnonymous = 0x20;

    [AbiConstant("MAP_GROWSDOWN")]
    [AbiValueOn(0x1000, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Alpha)]
    [AbiValueOn(0x200, AbiTarget.Sparc64)]
    [AbiValueOn(0x8000, AbiTarget.Hppa)]
    public const int MapGrowsdown = 0x100;

    [AbiConstant("MAP_LOCKED")]
    [AbiValueOn(0x80, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64)]
    [AbiValueOn(0x8000, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Alpha)]
    [AbiValueOn(0x100, AbiTarget.Sparc64)]
    public const int MapLocked = 0x2000;

    [AbiConstant("MAP_NORESERVE")]
    [AbiValueOn(0x40, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64)]
    [AbiValueOn(0x400, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [AbiValueOn(0x10000, AbiTarget.Alpha)]
    public const int MapNoreserve = 0x4000;

    [AbiConstant("MAP_POPULATE")]
    [AbiValueOn(0x10000, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Hppa)]
    [AbiValueOn(0x20000, AbiTarget.Alpha)]
    public const int MapPopulate = 0x8000;

    [AbiConstant("MAP_NONBLOCK")]
    [AbiValueOn(0x20000, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Hppa)]
    [AbiValueOn(0x40000, AbiTarget.Alpha)]
    public const int MapNonblock = 0x10000;

    [AbiConstant("MAP_STACK")]
    [AbiValueOn(0x40000, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Hppa)]
    [AbiValueOn(0x80000, AbiTarget.Alpha)]
    public const int MapStack = 0x20000;

    [AbiConstant("MAP_HUGETLB")]
    [AbiValueOn(0x80000, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Hppa)]
    [AbiValueOn(0x100000, AbiTarget.Alpha)]
    public const int MapHugetlb = 0x40000;

    [AbiConstant("MAP_FIXED_NOREPLACE")]
    [AbiValueOn(0x200000, AbiTarget.Alpha)]
    public const int MapFixedNoreplace = 0x100000;

    [AbiConstant("MS_ASYNC")]
    [AbiValueOn(0x2, AbiTarget.Hppa)]
    public const int MsAsync = 0x1;

    [AbiConstant("MS_INVALIDATE")]
    [AbiValueOn(0x4, AbiTarget.Alpha, AbiTarget.Hppa)]
    public const int MsInvalidate = 0x2;

    [AbiConstant("MS_SYNC")]
    [AbiValueOn(0x2, AbiTarget.Alpha)]
    [AbiValueOn(0x1, AbiTarget.Hppa)]
    public const int MsSync = 0x4;

    [AbiConstant("MCL_CURRENT")]
    [AbiValueOn(0x2000, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    public const int MclCurrent = 0x1;

    [AbiConstant("MCL_FUTURE")]
    [AbiValueOn(0x4000, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    public const int MclFuture = 0x2;

    [AbiConstant("MADV_DONTNEED")]
    [AbiValueOn(0x6, AbiTarget.Alpha)]
    public const int MadvDontneed = 0x4;

    [AbiConstant("MADV_WILLNEED")]
    public const int MadvWillneed = 0x3;

    [AbiConstant("MADV_REMOVE")]
    public const int MadvRemove = 0x9;

    [AbiConstant("MADV_DONTFORK")]
    public const int MadvDontfork = 0xA;
}

// linux/sockios.h, declared with IoctlSharp: every SIOC* request. Most are plain numbers (0x8913), the same on
// every target; those of asm/sockios.h (SIOCATMARK, SIOCSPGRP, SIOCGPGRP, SIOCGSTAMP_OLD, SIOCGSTAMPNS_OLD, and
// FIOSETOWN/FIOGETOWN beside them) and SIOCINQ/SIOCOUTQ (FIONREAD and TIOCOUTQ of asm/ioctls.h) differ on alpha,
// mips and sh4: the numbers as those headers define them, checked by the probe on every target. SIOCGSTAMP and
// SIOCGSTAMPNS are aliases chosen by the C library's time_t (the _OLD or the _NEW number): both are declared.
// Their argument is a struct ifreq, ifconf, rtentry, arpreq... per request: passed as bytes here.
using System;
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.Sockios;

[IoctlGroup(0x89)]
public static partial class Sockios
{
    [IoctlRequest(0x8901, Name = "FIOSETOWN")]
    [IoctlRequestOn(0x8004667C, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Alpha)]
    [IoctlRequestOn(0x4004667C, AbiTarget.Sh4)]
    public static partial void Fiosetown(SafeHandle socket, in int value);

    [IoctlRequest(0x8902, Name = "SIOCSPGRP")]
    [IoctlRequestOn(0x80047308, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Alpha)]
    [IoctlRequestOn(0x40047308, AbiTarget.Sh4)]
    public static partial void Siocspgrp(SafeHandle socket, in int value);

    [IoctlRequest(0x8903, Name = "FIOGETOWN")]
    [IoctlRequestOn(0x4004667B, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Alpha)]
    [IoctlRequestOn(0x8004667B, AbiTarget.Sh4)]
    public static partial void Fiogetown(SafeHandle socket, out int value);

    [IoctlRequest(0x8904, Name = "SIOCGPGRP")]
    [IoctlRequestOn(0x40047309, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Alpha)]
    [IoctlRequestOn(0x80047309, AbiTarget.Sh4)]
    public static partial void Siocgpgrp(SafeHandle socket, out int value);

    [IoctlRequest(0x8905, Name = "SIOCATMARK")]
    [IoctlRequestOn(0x40047307, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Alpha)]
    [IoctlRequestOn(0x80047307, AbiTarget.Sh4)]
    public static partial void Siocatmark(SafeHandle socket, out int value);

    [IoctlRequest(0x8906, Name = "SIOCGSTAMP_OLD")]
    [IoctlRequestOn(0x80087364, AbiTarget.Sh4)]
    public static partial void SiocgstampOld(SafeHandle socket, Span<byte> buffer);

    [IoctlRequest(0x8907, Name = "SIOCGSTAMPNS_OLD")]
    [IoctlRequestOn(0x80087365, AbiTarget.Sh4)]
    public static partial void SiocgstampnsOld(SafeHandle socket, Span<byte> buffer);

    [IoctlRequest(0x541B, Name = "SIOCINQ")]
    [IoctlRequestOn(0x4004667F, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x467F, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x8004667F, AbiTarget.Sh4)]
    public static partial void Siocinq(SafeHandle socket, out int value);

    [IoctlRequest(0x5411, Name = "SIOCOUTQ")]
    [IoctlRequestOn(0x40047473, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x7472, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80047473, AbiTarget.Sh4)]
    public static partial void Siocoutq(SafeHandle socket, out int value);

    [Ioctl(IoctlDirection.Read, 0x06, Size = 16, Name = "SIOCGSTAMP_NEW")] // _IOR(SOCK_IOC_TYPE, 0x06, long long[2])
    public static partial void SiocgstampNew(SafeHandle socket, Span<byte> buffer);

    [Ioctl(IoctlDirection.Read, 0x07, Size = 16, Name = "SIOCGSTAMPNS_NEW")] // _IOR(SOCK_IOC_TYPE, 0x07, long long[2])
    public static partial void SiocgstampnsNew(SafeHandle socket, Span<byte> buffer);

    [IoctlRequest(0x89, Name = "SOCK_IOC_TYPE")]
    public static partial void SockIocType(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x890B, Name = "SIOCADDRT")]
    public static partial void Siocaddrt(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x890C, Name = "SIOCDELRT")]
    public static partial void Siocdelrt(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x890D, Name = "SIOCRTMSG")]
    public static partial void Siocrtmsg(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8911, Name = "SIOCSIFLINK")]
    public static partial void Siocsiflink(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8916, Name = "SIOCSIFADDR")]
    public static partial void Siocsifaddr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8917, Name = "SIOCGIFDSTADDR")]
    public static partial void Siocgifdstaddr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8918, Name = "SIOCSIFDSTADDR")]
    public static partial void Siocsifdstaddr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8919, Name = "SIOCGIFBRDADDR")]
    public static partial void Siocgifbrdaddr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x891A, Name = "SIOCSIFBRDADDR")]
    public static partial void Siocsifbrdaddr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x891B, Name = "SIOCGIFNETMASK")]
    public static partial void Siocgifnetmask(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x891C, Name = "SIOCSIFNETMASK")]
    public static partial void Siocsifnetmask(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x891D, Name = "SIOCGIFMETRIC")]
    public static partial void Siocgifmetric(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x891E, Name = "SIOCSIFMETRIC")]
    public static partial void Siocsifmetric(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x891F, Name = "SIOCGIFMEM")]
    public static partial void Siocgifmem(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8920, Name = "SIOCSIFMEM")]
    public static partial void Siocsifmem(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8922, Name = "SIOCSIFMTU")]
    public static partial void Siocsifmtu(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8923, Name = "SIOCSIFNAME")]
    public static partial void Siocsifname(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8924, Name = "SIOCSIFHWADDR")]
    public static partial void Siocsifhwaddr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8925, Name = "SIOCGIFENCAP")]
    public static partial void Siocgifencap(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8926, Name = "SIOCSIFENCAP")]
    public static partial void Siocsifencap(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8929, Name = "SIOCGIFSLAVE")]
    public static partial void Siocgifslave(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8930, Name = "SIOCSIFSLAVE")]
    public static partial void Siocsifslave(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8931, Name = "SIOCADDMULTI")]
    public static partial void Siocaddmulti(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8932, Name = "SIOCDELMULTI")]
    public static partial void Siocdelmulti(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8934, Name = "SIOCSIFPFLAGS")]
    public static partial void Siocsifpflags(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8935, Name = "SIOCGIFPFLAGS")]
    public static partial void Siocgifpflags(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8936, Name = "SIOCDIFADDR")]
    public static partial void Siocdifaddr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8937, Name = "SIOCSIFHWBROADCAST")]
    public static partial void Siocsifhwbroadcast(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8938, Name = "SIOCGIFCOUNT")]
    public static partial void Siocgifcount(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8940, Name = "SIOCGIFBR")]
    public static partial void Siocgifbr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8941, Name = "SIOCSIFBR")]
    public static partial void Siocsifbr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8942, Name = "SIOCGIFTXQLEN")]
    public static partial void Siocgiftxqlen(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8943, Name = "SIOCSIFTXQLEN")]
    public static partial void Siocsiftxqlen(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8946, Name = "SIOCETHTOOL")]
    public static partial void Siocethtool(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8947, Name = "SIOCGMIIPHY")]
    public static partial void Siocgmiiphy(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8948, Name = "SIOCGMIIREG")]
    public static partial void Siocgmiireg(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8949, Name = "SIOCSMIIREG")]
    public static partial void Siocsmiireg(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x894A, Name = "SIOCWANDEV")]
    public static partial void Siocwandev(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x894B, Name = "SIOCOUTQNSD")]
    public static partial void Siocoutqnsd(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x894C, Name = "SIOCGSKNS")]
    public static partial void Siocgskns(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8953, Name = "SIOCDARP")]
    public static partial void Siocdarp(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8954, Name = "SIOCGARP")]
    public static partial void Siocgarp(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8955, Name = "SIOCSARP")]
    public static partial void Siocsarp(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8960, Name = "SIOCDRARP")]
    public static partial void Siocdrarp(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8961, Name = "SIOCGRARP")]
    public static partial void Siocgrarp(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8962, Name = "SIOCSRARP")]
    public static partial void Siocsrarp(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8971, Name = "SIOCSIFMAP")]
    public static partial void Siocsifmap(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8980, Name = "SIOCADDDLCI")]
    public static partial void Siocadddlci(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8981, Name = "SIOCDELDLCI")]
    public static partial void Siocdeldlci(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8982, Name = "SIOCGIFVLAN")]
    public static partial void Siocgifvlan(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8983, Name = "SIOCSIFVLAN")]
    public static partial void Siocsifvlan(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8990, Name = "SIOCBONDENSLAVE")]
    public static partial void Siocbondenslave(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8991, Name = "SIOCBONDRELEASE")]
    public static partial void Siocbondrelease(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8992, Name = "SIOCBONDSETHWADDR")]
    public static partial void Siocbondsethwaddr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8993, Name = "SIOCBONDSLAVEINFOQUERY")]
    public static partial void Siocbondslaveinfoquery(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8994, Name = "SIOCBONDINFOQUERY")]
    public static partial void Siocbondinfoquery(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x8995, Name = "SIOCBONDCHANGEACTIVE")]
    public static partial void Siocbondchangeactive(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x89A0, Name = "SIOCBRADDBR")]
    public static partial void Siocbraddbr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x89A1, Name = "SIOCBRDELBR")]
    public static partial void Siocbrdelbr(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x89A2, Name = "SIOCBRADDIF")]
    public static partial void Siocbraddif(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x89A3, Name = "SIOCBRDELIF")]
    public static partial void Siocbrdelif(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x89B0, Name = "SIOCSHWTSTAMP")]
    public static partial void Siocshwtstamp(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x89B1, Name = "SIOCGHWTSTAMP")]
    public static partial void Siocghwtstamp(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x89F0, Name = "SIOCDEVPRIVATE")]
    public static partial void Siocdevprivate(SafeHandle socket, Span<byte> request);

    [IoctlRequest(0x89E0, Name = "SIOCPROTOPRIVATE")]
    public static partial void Siocprotoprivate(SafeHandle socket, Span<byte> request);
}

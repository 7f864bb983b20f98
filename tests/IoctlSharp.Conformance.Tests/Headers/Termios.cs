// asm/ioctls.h, the TCGETS family: every request of asm-generic/ioctls.h, with the numbers each architecture's
// asm/ioctls.h overrides it with (alpha, mips, powerpc, sparc and sh4 spell most of them _IOR('t', ...) and the like,
// hppa and others change a few). The numbers as the headers define them, tabulated from each target's asm/ioctls.h;
// the probe checks every one against that target's gcc. Not declared, because they do not exist on every target and
// a request cannot yet say "none here": TCGETS2, TCSETS2, TCSETSW2, TCSETSF2, TCGETX, TCSETX, TCSETXF, TCSETXW.
#pragma warning disable ISH220 // FIONREAD and TIOCINQ are one request under two names, as the header has them
using System;
using System.Runtime.InteropServices;
using IoctlSharp.Conformance.Tests.Probe;

namespace IoctlSharp.Conformance.Tests.Headers.Termios;

[IoctlGroup('T')]
public static partial class Termios
{
    [IoctlRequest(0x5401, Name = "TCGETS")]
    [IoctlRequestOn(0x402C7413, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x540D, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x40245408, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x40245410, AbiTarget.Hppa)]
    public static partial void Tcgets(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x5402, Name = "TCSETS")]
    [IoctlRequestOn(0x802C7414, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x540E, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80245409, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x80245411, AbiTarget.Hppa)]
    public static partial void Tcsets(SafeHandle tty, ReadOnlySpan<byte> buffer);

    [IoctlRequest(0x5403, Name = "TCSETSW")]
    [IoctlRequestOn(0x802C7415, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x540F, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x8024540A, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x80245412, AbiTarget.Hppa)]
    public static partial void Tcsetsw(SafeHandle tty, ReadOnlySpan<byte> buffer);

    [IoctlRequest(0x5404, Name = "TCSETSF")]
    [IoctlRequestOn(0x802C7416, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x5410, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x8024540B, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x80245413, AbiTarget.Hppa)]
    public static partial void Tcsetsf(SafeHandle tty, ReadOnlySpan<byte> buffer);

    [IoctlRequest(0x5405, Name = "TCGETA")]
    [IoctlRequestOn(0x40147417, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64)]
    [IoctlRequestOn(0x5401, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x40125401, AbiTarget.Sparc64, AbiTarget.Hppa)]
    [IoctlRequestOn(0x40127417, AbiTarget.Alpha)]
    [IoctlRequestOn(0x80127417, AbiTarget.Sh4)]
    public static partial void Tcgeta(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x5406, Name = "TCSETA")]
    [IoctlRequestOn(0x80147418, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64)]
    [IoctlRequestOn(0x5402, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80125402, AbiTarget.Sparc64, AbiTarget.Hppa)]
    [IoctlRequestOn(0x80127418, AbiTarget.Alpha)]
    [IoctlRequestOn(0x40127418, AbiTarget.Sh4)]
    public static partial void Tcseta(SafeHandle tty, ReadOnlySpan<byte> buffer);

    [IoctlRequest(0x5407, Name = "TCSETAW")]
    [IoctlRequestOn(0x80147419, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64)]
    [IoctlRequestOn(0x5403, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80125403, AbiTarget.Sparc64, AbiTarget.Hppa)]
    [IoctlRequestOn(0x80127419, AbiTarget.Alpha)]
    [IoctlRequestOn(0x40127419, AbiTarget.Sh4)]
    public static partial void Tcsetaw(SafeHandle tty, ReadOnlySpan<byte> buffer);

    [IoctlRequest(0x5408, Name = "TCSETAF")]
    [IoctlRequestOn(0x8014741C, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64)]
    [IoctlRequestOn(0x5404, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80125404, AbiTarget.Sparc64, AbiTarget.Hppa)]
    [IoctlRequestOn(0x8012741C, AbiTarget.Alpha)]
    [IoctlRequestOn(0x4012741C, AbiTarget.Sh4)]
    public static partial void Tcsetaf(SafeHandle tty, ReadOnlySpan<byte> buffer);

    [IoctlRequest(0x5409, Name = "TCSBRK")]
    [IoctlRequestOn(0x2000741D, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x5405, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Hppa)]
    [IoctlRequestOn(0x20005405, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x741D, AbiTarget.Sh4)]
    public static partial void Tcsbrk(SafeHandle tty, nuint value);

    [IoctlRequest(0x540A, Name = "TCXONC")]
    [IoctlRequestOn(0x2000741E, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x5406, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Hppa)]
    [IoctlRequestOn(0x20005406, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x741E, AbiTarget.Sh4)]
    public static partial void Tcxonc(SafeHandle tty, nuint value);

    [IoctlRequest(0x540B, Name = "TCFLSH")]
    [IoctlRequestOn(0x2000741F, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x5407, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Hppa)]
    [IoctlRequestOn(0x20005407, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x741F, AbiTarget.Sh4)]
    public static partial void Tcflsh(SafeHandle tty, nuint value);

    [IoctlRequest(0x540C, Name = "TIOCEXCL")]
    [IoctlRequestOn(0x740D, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x2000740D, AbiTarget.Sparc64)]
    public static partial void Tiocexcl(SafeHandle tty);

    [IoctlRequest(0x540D, Name = "TIOCNXCL")]
    [IoctlRequestOn(0x740E, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x2000740E, AbiTarget.Sparc64)]
    public static partial void Tiocnxcl(SafeHandle tty);

    [IoctlRequest(0x540E, Name = "TIOCSCTTY")]
    [IoctlRequestOn(0x5480, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x20007484, AbiTarget.Sparc64)]
    public static partial void Tiocsctty(SafeHandle tty, nuint value);

    [IoctlRequest(0x40047477, Name = "TIOCGPGRP")]
    [IoctlRequestOn(0x540F, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Arc)]
    [IoctlRequestOn(0x40047483, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x4004541E, AbiTarget.Hppa)]
    [IoctlRequestOn(0x80047477, AbiTarget.Sh4)]
    public static partial void Tiocgpgrp(SafeHandle tty, out int value);

    [IoctlRequest(0x80047476, Name = "TIOCSPGRP")]
    [IoctlRequestOn(0x5410, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Arc)]
    [IoctlRequestOn(0x80047482, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x8004541D, AbiTarget.Hppa)]
    [IoctlRequestOn(0x40047476, AbiTarget.Sh4)]
    public static partial void Tiocspgrp(SafeHandle tty, in int value);

    [IoctlRequest(0x5411, Name = "TIOCOUTQ")]
    [IoctlRequestOn(0x40047473, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x7472, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80047473, AbiTarget.Sh4)]
    public static partial void Tiocoutq(SafeHandle tty, out int value);

    [IoctlRequest(0x5412, Name = "TIOCSTI")]
    [IoctlRequestOn(0x5472, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80017472, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x40015412, AbiTarget.Sh4)]
    public static partial void Tiocsti(SafeHandle tty, in byte character);

    [IoctlRequest(0x40087468, Name = "TIOCGWINSZ")]
    [IoctlRequestOn(0x5413, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.Hppa, AbiTarget.M68k, AbiTarget.Arc)]
    [IoctlRequestOn(0x80087468, AbiTarget.Sh4)]
    public static partial void Tiocgwinsz(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x80087467, Name = "TIOCSWINSZ")]
    [IoctlRequestOn(0x5414, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.Hppa, AbiTarget.M68k, AbiTarget.Arc)]
    [IoctlRequestOn(0x40087467, AbiTarget.Sh4)]
    public static partial void Tiocswinsz(SafeHandle tty, ReadOnlySpan<byte> buffer);

    [IoctlRequest(0x5415, Name = "TIOCMGET")]
    [IoctlRequestOn(0x741D, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x4004746A, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x80045415, AbiTarget.Sh4)]
    public static partial void Tiocmget(SafeHandle tty, out int value);

    [IoctlRequest(0x5416, Name = "TIOCMBIS")]
    [IoctlRequestOn(0x741B, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x8004746C, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x40045416, AbiTarget.Sh4)]
    public static partial void Tiocmbis(SafeHandle tty, in int value);

    [IoctlRequest(0x5417, Name = "TIOCMBIC")]
    [IoctlRequestOn(0x741C, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x8004746B, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x40045417, AbiTarget.Sh4)]
    public static partial void Tiocmbic(SafeHandle tty, in int value);

    [IoctlRequest(0x5418, Name = "TIOCMSET")]
    [IoctlRequestOn(0x741A, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x8004746D, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x40045418, AbiTarget.Sh4)]
    public static partial void Tiocmset(SafeHandle tty, in int value);

    [IoctlRequest(0x5419, Name = "TIOCGSOFTCAR")]
    [IoctlRequestOn(0x5481, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x40047464, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x80045419, AbiTarget.Sh4)]
    public static partial void Tiocgsoftcar(SafeHandle tty, out int value);

    [IoctlRequest(0x541A, Name = "TIOCSSOFTCAR")]
    [IoctlRequestOn(0x5482, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80047465, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x4004541A, AbiTarget.Sh4)]
    public static partial void Tiocssoftcar(SafeHandle tty, in int value);

    [IoctlRequest(0x541B, Name = "FIONREAD")]
    [IoctlRequestOn(0x4004667F, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x467F, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x8004667F, AbiTarget.Sh4)]
    public static partial void Fionread(SafeHandle tty, out int value);

    [IoctlRequest(0x541B, Name = "TIOCINQ")]
    [IoctlRequestOn(0x4004667F, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x467F, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x8004667F, AbiTarget.Sh4)]
    public static partial void Tiocinq(SafeHandle tty, out int value);

    [IoctlRequest(0x541C, Name = "TIOCLINUX")]
    [IoctlRequestOn(0x5483, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x4001541C, AbiTarget.Sh4)]
    public static partial void Tioclinux(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x541D, Name = "TIOCCONS")]
    [IoctlRequestOn(0x80047478, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x20007424, AbiTarget.Sparc64)]
    public static partial void Tioccons(SafeHandle tty, nuint ignored); // _IOW on mips, the argument unused

    [IoctlRequest(0x541E, Name = "TIOCGSERIAL")]
    [IoctlRequestOn(0x5484, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x803C541E, AbiTarget.Sh4)]
    public static partial void Tiocgserial(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x541F, Name = "TIOCSSERIAL")]
    [IoctlRequestOn(0x5485, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x403C541F, AbiTarget.Sh4)]
    public static partial void Tiocsserial(SafeHandle tty, ReadOnlySpan<byte> buffer);

    [IoctlRequest(0x5420, Name = "TIOCPKT")]
    [IoctlRequestOn(0x5470, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80047470, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x40045420, AbiTarget.Sh4)]
    public static partial void Tiocpkt(SafeHandle tty, in int value);

    [IoctlRequest(0x5421, Name = "FIONBIO")]
    [IoctlRequestOn(0x8004667E, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x667E, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x4004667E, AbiTarget.Sh4)]
    public static partial void Fionbio(SafeHandle tty, in int value);

    [IoctlRequest(0x5422, Name = "TIOCNOTTY")]
    [IoctlRequestOn(0x5471, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x20007471, AbiTarget.Sparc64)]
    public static partial void Tiocnotty(SafeHandle tty);

    [IoctlRequest(0x5423, Name = "TIOCSETD")]
    [IoctlRequestOn(0x7401, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80047401, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x40045423, AbiTarget.Sh4)]
    public static partial void Tiocsetd(SafeHandle tty, in int value);

    [IoctlRequest(0x5424, Name = "TIOCGETD")]
    [IoctlRequestOn(0x7400, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x40047400, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x80045424, AbiTarget.Sh4)]
    public static partial void Tiocgetd(SafeHandle tty, out int value);

    [IoctlRequest(0x5425, Name = "TCSBRKP")]
    [IoctlRequestOn(0x5486, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x40045425, AbiTarget.Sh4)]
    public static partial void Tcsbrkp(SafeHandle tty, nuint value);

    [IoctlRequest(0x5427, Name = "TIOCSBRK")]
    [IoctlRequestOn(0x2000747B, AbiTarget.Sparc64)]
    public static partial void Tiocsbrk(SafeHandle tty);

    [IoctlRequest(0x5428, Name = "TIOCCBRK")]
    [IoctlRequestOn(0x2000747A, AbiTarget.Sparc64)]
    public static partial void Tioccbrk(SafeHandle tty);

    [IoctlRequest(0x5429, Name = "TIOCGSID")]
    [IoctlRequestOn(0x7416, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x40047485, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x40045414, AbiTarget.Hppa)]
    [IoctlRequestOn(0x80045429, AbiTarget.Sh4)]
    public static partial void Tiocgsid(SafeHandle tty, out int value);

    [IoctlRequest(0x542E, Name = "TIOCGRS485")]
    [IoctlRequestOn(0x4020542E, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Alpha, AbiTarget.Hppa)]
    [IoctlRequestOn(0x40205441, AbiTarget.Sparc64)]
    [IoctlRequestOn(0x8020542E, AbiTarget.Sh4)]
    public static partial void Tiocgrs485(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x542F, Name = "TIOCSRS485")]
    [IoctlRequestOn(0xC020542F, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Alpha, AbiTarget.Hppa, AbiTarget.Sh4)]
    [IoctlRequestOn(0xC0205442, AbiTarget.Sparc64)]
    public static partial void Tiocsrs485(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x40045430, Name = "TIOCGPTN")]
    [IoctlRequestOn(0x80045430, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Sh4, AbiTarget.Arc)]
    [IoctlRequestOn(0x40047486, AbiTarget.Sparc64)]
    public static partial void Tiocgptn(SafeHandle tty, out uint value);

    [IoctlRequest(0x80045431, Name = "TIOCSPTLCK")]
    [IoctlRequestOn(0x40045431, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Sh4, AbiTarget.Arc)]
    [IoctlRequestOn(0x80047487, AbiTarget.Sparc64)]
    public static partial void Tiocsptlck(SafeHandle tty, in int value);

    [IoctlRequest(0x40045432, Name = "TIOCGDEV")]
    [IoctlRequestOn(0x80045432, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Sh4, AbiTarget.Arc)]
    public static partial void Tiocgdev(SafeHandle tty, out uint value);

    [IoctlRequest(0x80045436, Name = "TIOCSIG")]
    [IoctlRequestOn(0x40045436, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Sh4, AbiTarget.Arc)]
    [IoctlRequestOn(0x80047488, AbiTarget.Sparc64)]
    public static partial void Tiocsig(SafeHandle tty, nuint value);

    [IoctlRequest(0x5437, Name = "TIOCVHANGUP")]
    [IoctlRequestOn(0x20005437, AbiTarget.Sparc64)]
    public static partial void Tiocvhangup(SafeHandle tty);

    [IoctlRequest(0x40045438, Name = "TIOCGPKT")]
    [IoctlRequestOn(0x80045438, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Sh4, AbiTarget.Arc)]
    public static partial void Tiocgpkt(SafeHandle tty, out int value);

    [IoctlRequest(0x40045439, Name = "TIOCGPTLCK")]
    [IoctlRequestOn(0x80045439, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Sh4, AbiTarget.Arc)]
    public static partial void Tiocgptlck(SafeHandle tty, out int value);

    [IoctlRequest(0x40045440, Name = "TIOCGEXCL")]
    [IoctlRequestOn(0x80045440, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Sh4, AbiTarget.Arc)]
    public static partial void Tiocgexcl(SafeHandle tty, out int value);

    [IoctlRequest(0x5441, Name = "TIOCGPTPEER")]
    [IoctlRequestOn(0x20005441, AbiTarget.Ppc64le, AbiTarget.Mips32, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Alpha)]
    [IoctlRequestOn(0x20007489, AbiTarget.Sparc64)]
    public static partial int Tiocgptpeer(SafeHandle tty, nuint value);

    [IoctlRequest(0x40285442, Name = "TIOCGISO7816")]
    [IoctlRequestOn(0x80285442, AbiTarget.X86_64, AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.X32, AbiTarget.Armel, AbiTarget.S390x, AbiTarget.M68k, AbiTarget.Sh4, AbiTarget.Arc)]
    [IoctlRequestOn(0x40285443, AbiTarget.Sparc64)]
    public static partial void Tiocgiso7816(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0xC0285443, Name = "TIOCSISO7816")]
    [IoctlRequestOn(0xC0285444, AbiTarget.Sparc64)]
    public static partial void Tiocsiso7816(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x5450, Name = "FIONCLEX")]
    [IoctlRequestOn(0x20006602, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x6602, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Sh4)]
    public static partial void Fionclex(SafeHandle tty);

    [IoctlRequest(0x5451, Name = "FIOCLEX")]
    [IoctlRequestOn(0x20006601, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x6601, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el, AbiTarget.Sh4)]
    public static partial void Fioclex(SafeHandle tty);

    [IoctlRequest(0x5452, Name = "FIOASYNC")]
    [IoctlRequestOn(0x8004667D, AbiTarget.Ppc64le, AbiTarget.Powerpc, AbiTarget.Ppc64, AbiTarget.Sparc64, AbiTarget.Alpha)]
    [IoctlRequestOn(0x667D, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x4004667D, AbiTarget.Sh4)]
    public static partial void Fioasync(SafeHandle tty, in int value);

    [IoctlRequest(0x5453, Name = "TIOCSERCONFIG")]
    [IoctlRequestOn(0x5488, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    public static partial void Tiocserconfig(SafeHandle tty);

    [IoctlRequest(0x5454, Name = "TIOCSERGWILD")]
    [IoctlRequestOn(0x5489, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80045454, AbiTarget.Sh4)]
    public static partial void Tiocsergwild(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x5455, Name = "TIOCSERSWILD")]
    [IoctlRequestOn(0x548A, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x40045455, AbiTarget.Sh4)]
    public static partial void Tiocserswild(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x5456, Name = "TIOCGLCKTRMIOS")]
    [IoctlRequestOn(0x548B, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    public static partial void Tiocglcktrmios(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x5457, Name = "TIOCSLCKTRMIOS")]
    [IoctlRequestOn(0x548C, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    public static partial void Tiocslcktrmios(SafeHandle tty, ReadOnlySpan<byte> buffer);

    [IoctlRequest(0x5458, Name = "TIOCSERGSTRUCT")]
    [IoctlRequestOn(0x548D, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80D85458, AbiTarget.Sh4)]
    public static partial void Tiocsergstruct(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x5459, Name = "TIOCSERGETLSR")]
    [IoctlRequestOn(0x548E, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80045459, AbiTarget.Sh4)]
    public static partial void Tiocsergetlsr(SafeHandle tty, out uint value);

    [IoctlRequest(0x545A, Name = "TIOCSERGETMULTI")]
    [IoctlRequestOn(0x548F, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x80A8545A, AbiTarget.Sh4)]
    public static partial void Tiocsergetmulti(SafeHandle tty, Span<byte> buffer);

    [IoctlRequest(0x545B, Name = "TIOCSERSETMULTI")]
    [IoctlRequestOn(0x5490, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    [IoctlRequestOn(0x40A8545B, AbiTarget.Sh4)]
    public static partial void Tiocsersetmulti(SafeHandle tty, ReadOnlySpan<byte> buffer);

    [IoctlRequest(0x545C, Name = "TIOCMIWAIT")]
    [IoctlRequestOn(0x5491, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    public static partial void Tiocmiwait(SafeHandle tty, nuint value);

    [IoctlRequest(0x545D, Name = "TIOCGICOUNT")]
    [IoctlRequestOn(0x5492, AbiTarget.Mips32, AbiTarget.Mipsel, AbiTarget.Mips64, AbiTarget.Mips64el, AbiTarget.Mipsn32, AbiTarget.Mipsn32el, AbiTarget.Mipsr6, AbiTarget.Mipsr6el)]
    public static partial void Tiocgicount(SafeHandle tty, Span<byte> buffer);
}

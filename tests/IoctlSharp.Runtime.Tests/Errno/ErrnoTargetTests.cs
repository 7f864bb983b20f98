using System;
using System.Linq;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>
/// <see cref="Errno"/>'s per-target names and numbers (<see cref="Errno.Table"/>; its numbers are compared with
/// every target's gcc by the conformance tests): what the lookups promise.
/// </summary>
public sealed class ErrnoTargetTests
{
    [Fact]
    public void ANumbersNameIsNeverAnAliasAndRoundTripsOnEveryTarget()
    {
        foreach (var target in AbiTargets.All)
        {
            var names = Errno.Table.Names(target);
            Assert.True(names.Count > 130, $"{target.CName()}: {names.Count} names");
            foreach (var name in names)
            {
                int number = Errno.Number(name, target);
                string canonical = Errno.Name(number, target);
                Assert.Equal((target, name, number), (target, name, Errno.Number(canonical, target)));
                if (canonical != name)
                    Assert.True(Errno.Table.IsAlias(name, target) && !Errno.Table.IsAlias(canonical, target),
                        $"{target.CName()}: {name} ({number}) is named {canonical}");
            }

            // A few names only are another name's (EWOULDBLOCK, EDEADLOCK; hppa's ECANCELED and EREFUSED).
            int aliases = names.Count(n => Errno.Table.IsAlias(n, target));
            Assert.InRange(aliases, 1, 4);
            Assert.Equal("EAGAIN", Errno.Name(Errno.Number("EWOULDBLOCK", target), target));
            Assert.Equal(Errno.Number("EOPNOTSUPP", target), Errno.Number("ENOTSUP", target)); // glibc's alias
        }
    }

    [Fact]
    public void TargetsNumberDifferentlyAndEachKeepsItsOwnNames()
    {
        // EDEADLOCK is another name for EDEADLK in asm-generic, a number of its own on mips and powerpc.
        Assert.Equal(Errno.Number("EDEADLK", AbiTarget.X86_64), Errno.Number("EDEADLOCK", AbiTarget.X86_64));
        foreach (var target in new[] { AbiTarget.Mips32, AbiTarget.Ppc64le })
        {
            int deadlock = Errno.Number("EDEADLOCK", target);
            Assert.NotEqual(Errno.Number("EDEADLK", target), deadlock);
            Assert.Equal("EDEADLOCK", Errno.Name(deadlock, target));
        }

        var generic = Errno.Table.Names(AbiTarget.X86_64).ToDictionary(n => n, n => Errno.Number(n, AbiTarget.X86_64));
        foreach (var target in new[] { AbiTarget.Mips32, AbiTarget.Sparc64, AbiTarget.Alpha, AbiTarget.Hppa })
            Assert.True(generic.Count(p => Errno.TryGetNumber(p.Key, target, out int n) && n != p.Value) > 50,
                $"{target.CName()} numbers errno like asm-generic: the table does not tell it apart");
        foreach (var target in new[] { AbiTarget.I386, AbiTarget.Aarch64, AbiTarget.Arm32, AbiTarget.Riscv64, AbiTarget.S390x })
            Assert.All(generic, p => Assert.Equal(p.Value, Errno.Number(p.Key, target)));
    }

    [Fact]
    public void UnknownNamesAndNumbersAreSaidSo()
    {
        Assert.False(Errno.TryGetNumber("EWHATEVER", AbiTarget.Alpha, out _));
        Assert.False(Errno.TryGetNumber("eperm", AbiTarget.X86_64, out _));
        var e = Assert.Throws<ArgumentException>(() => Errno.Number("EWHATEVER", AbiTarget.Mips32));
        Assert.Contains("mips32", e.Message);
        Assert.False(Errno.TryGetName(4095, AbiTarget.Sparc64, out _));
        Assert.Equal("E4095", Errno.Name(4095, AbiTarget.Sparc64));
        Assert.Throws<ArgumentException>(() => Errno.Table.Name(4095, AbiTarget.Sparc64));
        Assert.Throws<ArgumentOutOfRangeException>(() => Errno.Number("EPERM", (AbiTarget)99));
        Assert.Throws<ArgumentNullException>(() => Errno.TryGetNumber(null!, AbiTarget.X86_64, out _));
        Assert.Equal("<asm/errno.h>", Errno.Table.Header);
    }

    [Fact]
    public void TheOverloadsWithoutATargetAreTheRunningProcesss()
    {
        var running = AbiTargets.RequireCurrent();
        foreach (var name in Errno.Table.Names(running))
        {
            Assert.True(Errno.TryGetValue(name, out int number));
            Assert.Equal(Errno.Number(name, running), number);
            Assert.Equal(Errno.Name(number, running), Errno.Name(number));
        }
    }
}

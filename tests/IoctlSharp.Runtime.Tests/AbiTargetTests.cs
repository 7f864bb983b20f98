using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>The running process's target, and what a project with the default IoctlSharpTargets knows of the others.</summary>
public class AbiTargetTests
{
    /// <summary>
    /// Every Linux runtime identifier .NET publishes for (linux-x64, -x86, -arm, -armv6, -arm64, -s390x, -ppc64le,
    /// -riscv64, -loongarch64, and their musl forms, which share the architecture) has its row, or none at all:
    /// loongarch64 has no row, because no cross compiler here checks one.
    /// </summary>
    [Theory]
    [InlineData(Architecture.X64, AbiTarget.X86_64)]
    [InlineData(Architecture.X86, AbiTarget.I386)]
    [InlineData(Architecture.Arm, AbiTarget.Arm32)]
    [InlineData(Architecture.Armv6, AbiTarget.Arm32)]
    [InlineData(Architecture.Arm64, AbiTarget.Aarch64)]
    [InlineData(Architecture.S390x, AbiTarget.S390x)]
    [InlineData(Architecture.Ppc64le, AbiTarget.Ppc64le)]
    [InlineData(Architecture.RiscV64, AbiTarget.Riscv64)]
    [InlineData(Architecture.LoongArch64, null)]
    [InlineData(Architecture.Wasm, null)]
    public void EveryDotnetArchitectureHasItsRowOrNone(Architecture architecture, AbiTarget? expected)
        => Assert.Equal(expected, AbiTargets.ForArchitecture(architecture));

    [Fact]
    public void ThisProcessIsX86_64()
    {
        Assert.Equal(Architecture.X64, RuntimeInformation.ProcessArchitecture); // the machine the suite runs on
        Assert.Equal(AbiTarget.X86_64, AbiTargets.Current);
        Assert.Equal(AbiTarget.X86_64, AbiTargets.RequireCurrent());
    }

    [Fact]
    public void EveryTargetParsesByItsCName()
    {
        foreach (var t in AbiTargets.All.ToArray())
        {
            Assert.True(AbiTargets.TryParse(t.CName().ToUpperInvariant(), out var parsed));
            Assert.Equal(t, parsed);
        }

        Assert.False(AbiTargets.TryParse("arm64", out _));
    }

    /// <summary>
    /// This project keeps the default IoctlSharpTargets, yet AbiLayout.Of knows every target: compared here with the
    /// values each target's gcc computed for the same header (the conformance suite's checked-in files).
    /// </summary>
    [Fact]
    public void AbiLayoutOfKnowsEveryTargetInADefaultProject()
    {
        int compared = 0;
        foreach (var t in AbiTargets.All.ToArray().Where(t => t is not (AbiTarget.X86_64 or AbiTarget.I386)))
        {
            var gcc = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "cross", t.CName() + ".txt"))
                .Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => uint.Parse(p[1], CultureInfo.InvariantCulture));
            var copy = AbiLayout.Of<UffdioCopy>(t);
            Assert.Equal(t, copy.Target);
            Assert.Equal(gcc["sizeof(struct uffdio_copy)"], (uint)copy.Size);
            Assert.Equal(gcc["_Alignof(struct uffdio_copy)"], (uint)copy.Alignment);
            Assert.Equal(gcc["offsetof(struct uffdio_copy, copy)"], (uint)copy["Copy"].Offset);
            compared += 3;
        }

        Assert.Equal(23 * 3, compared);
    }

    [Fact]
    public void ARequestNumberOfATargetTheProjectDidNotChooseThrowsNamingTheProperty()
    {
        Assert.Equal(Userfaultfd.Requests.Api.X86_64, Userfaultfd.Requests.Api.For(AbiTarget.X86_64));
        var e = Assert.Throws<NotSupportedException>(() => Userfaultfd.Requests.Api.For(AbiTarget.Mips32));
        Assert.Contains("IoctlSharpTargets", e.Message);
        Assert.Contains("mips32", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Userfaultfd.Requests.Api.For((AbiTarget)99));
    }
}

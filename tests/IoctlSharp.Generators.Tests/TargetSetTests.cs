using System.Collections.Generic;
using System.Linq;
using IoctlSharp.Generators.Abi;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// IoctlSharpTargets: which targets a project's generated constants, twins and request numbers are printed for,
/// and which its ExpectedSize checks hold on. The run-time layouts know every target whatever the choice.
/// </summary>
public class TargetSetTests
{
    private const string Source = """
        using System.Runtime.InteropServices;
        using IoctlSharp;
        namespace T;

        [AbiStruct] public unsafe partial struct S { public uint A; public void* P; }

        [IoctlGroup(0xAE)]
        public static partial class Dev
        {
            [IoctlReadWrite(0x01, Name = "DEV_GET")]
            public static partial int Get(SafeHandle fd, ref S s);
        }
        """;

    private static Harness.Result RunWith(string? targets, params string[] sources)
        => targets is null ? Harness.Run(sources)
            : Harness.RunWithProperties(new Dictionary<string, string> { ["IoctlSharpTargets"] = targets }, sources);

    private static string File(Harness.Result result, string hint) => Assert.Single(result.Sources, s => s.HintName == hint).Text;

    [Fact]
    public void TheDefaultIsTheTargetsDotnetRunsOnAndTheir32BitPeers()
    {
        Assert.Equal(new[] { "x86_64", "i386", "aarch64", "arm32", "ppc64le", "riscv64", "s390x" }, TargetSet.Default.Targets.Select(t => t.Name));
        var result = RunWith(null, Source).AssertClean();
        string s = File(result, "T.S.g.cs"), dev = File(result, "T.Dev.g.cs");
        foreach (var name in new[] { "X86_64", "I386", "Aarch64", "Arm32", "Ppc64le", "Riscv64", "S390x" })
            Assert.Contains($"public abstract class {name}", s);
        Assert.DoesNotContain("class Mips32", s);
        Assert.DoesNotContain("Mips32", dev);
        Assert.Contains("_ => throw global::IoctlSharp.AbiTargets.NotGenerated(target)", dev);
        // The twins are those of the chosen 32-bit little-endian targets.
        Assert.Contains("partial struct I386 :", File(result, "T.S.Compat.g.cs"));
        Assert.Contains("partial struct Arm32 :", File(result, "T.S.Compat.g.cs"));
    }

    [Fact]
    public void AProjectChoosesMoreTargetsAndGetsTheirConstantsTwinsAndNumbers()
    {
        var result = RunWith("default;mips32;x32;m68k", Source).AssertClean();
        string s = File(result, "T.S.g.cs"), dev = File(result, "T.Dev.g.cs"), twins = File(result, "T.S.Compat.g.cs");
        Assert.Contains("public abstract class M68k", s);
        Assert.Contains("public abstract class Mips32", s);
        Assert.Contains("global::IoctlSharp.AbiTarget.M68k", dev);
        Assert.Contains("partial struct X32 :", twins);
        // Big-endian peers get twins whose Read and Write reverse every member's bytes.
        Assert.Contains("partial struct Mips32 :", twins);
        Assert.Contains("partial struct M68k :", twins);
        Assert.Contains("global::IoctlSharp.AbiCompat.ReadPeer<Mips32>(source, global::IoctlSharp.AbiLayout.Of<global::T.S>(global::IoctlSharp.AbiTarget.Mips32))", twins);
    }

    [Fact]
    public void TheRunTimeLayoutsKnowEveryTargetWhateverTheChoice()
    {
        // One character per target, in AbiTarget order: the generated code does not grow with the table.
        var result = RunWith("x86_64", Source).AssertClean();
        string s = File(result, "T.S.g.cs");
        var map = System.Text.RegularExpressions.Regex.Match(s, "switch \\(\"([0-9a-zA-Z]+)\"\\[\\(int\\)target\\]\\)");
        Assert.True(map.Success, s);
        Assert.Equal(TargetAbi.All.Length, map.Groups[1].Value.Length);
        Assert.DoesNotContain("class I386", s);
    }

    [Fact]
    public void ANameThatIsNoTargetIsAnError()
    {
        var result = RunWith("default;mips99", Source);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ISH114", error.Id);
        Assert.Contains("'mips99'", error.GetMessage());
        Assert.Contains("m68k", error.GetMessage());
        Assert.Empty(result.ErrorsCausedByGeneration);
    }

    /// <summary>ISH114's page: its Bad project file reports ISH114 for each wrong name, its Fix nothing.</summary>
    [Fact]
    public void TheIsh114PageExamplesDoWhatThePageSays()
    {
        string page = System.IO.File.ReadAllText(System.IO.Path.Combine(DiagnosticDocsTests.Root(), "docs", "diagnostics", "ISH114.md"));
        var values = System.Text.RegularExpressions.Regex.Matches(page, "<IoctlSharpTargets>([^<]*)</IoctlSharpTargets>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, values.Count);
        var bad = RunWith(values[0], Source);
        Assert.Equal(new[] { "'mips'", "'arm64'" }, bad.Errors.Where(d => d.Id == "ISH114").Select(d => d.GetMessage().Split(' ')[5].TrimEnd(',')));
        RunWith(values[1], Source).AssertClean();
    }

    /// <summary>
    /// <c>struct { __u32 a; __u16 b; __u32 c; }</c> is 12 bytes with gcc on x86_64 and i386 but 10 on m68k
    /// (m68k-linux-gnu-gcc 12.2: every scalar wider than a byte is 2-byte aligned there). ExpectedSize holds on the
    /// project's targets only, so the default set accepts it and a project that adds m68k is told.
    /// </summary>
    [Fact]
    public void ExpectedSizeHoldsOnTheChosenTargets()
    {
        const string s = "using IoctlSharp; [AbiStruct(ExpectedSize = 12)] public partial struct S { public uint A; public ushort B; public ushort Pad; public uint C; }";
        const string unpadded = "using IoctlSharp; [AbiStruct(ExpectedSize = 12, AllowAbiDifferences = true)] public partial struct U { public uint A; public ushort B; public uint C; }";
        RunWith(null, s).AssertClean();
        Assert.DoesNotContain(RunWith(null, unpadded).Errors, d => d.Id == "ISH103");
        var error = Assert.Single(RunWith("default;m68k", unpadded).Errors);
        Assert.Equal("ISH103", error.Id);
        Assert.Contains("its C layout is 10 bytes on m68k", error.GetMessage());
        Assert.DoesNotContain(RunWith("default;m68k", s).Errors, d => d.Id == "ISH103");
    }

    [Fact]
    public void TheChoiceIsParsedForgivinglyButNeverGuessed()
    {
        Assert.Same(TargetSet.Default, TargetSet.Parse(null));
        Assert.Same(TargetSet.Default, TargetSet.Parse("  "));
        Assert.Same(TargetSet.Default, TargetSet.Parse("Default"));
        Assert.Equal(TargetAbi.All.Length, TargetSet.Parse("all").Targets.Length);
        Assert.Equal(new[] { "x86_64", "mips32" }, TargetSet.Parse("mips32, X86_64;mips32").Targets.Select(t => t.Name));
        Assert.Equal(new[] { "mips99", "arm" }, TargetSet.Parse("mips99;arm;x86_64").Unknown);
    }
}

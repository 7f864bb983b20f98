using System.Linq;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// [AbiConstants] classes: the generated Constants table and PerTarget members compile (and run, in the conformance
/// suite's Headers/Mman.cs against gcc); each bad declaration is its ISH13x error from the analyzer, the generator
/// never throws, and what it emits for a rejected class still compiles.
/// </summary>
public class ConstantsTests
{
    private const string Usings = "using IoctlSharp;\nnamespace C;\n";

    private static Harness.Result Run(string body) => Harness.Run(Usings + "[AbiConstants(Header = \"<asm/mman.h>\")] public static partial class Mman\n{\n" + body + "\n}\n"
        + "public static class Use { public static long M() => Mman.Constants.Number(\"X\", AbiTarget.Mips32) + (long)Mman.PerTarget.A.For(AbiTarget.Alpha) + (long)Mman.PerTarget.A.Native; }\n");

    private static void AssertRejected(string body, string id)
    {
        var result = Run(body);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.Empty(result.ErrorsCausedByGeneration);
        Assert.Equal(new[] { id }, result.Errors.Select(d => d.Id).Distinct());
        var text = Assert.Single(result.Sources, s => s.HintName == "C.Mman.g.cs").Text;
        Assert.Contains($"has an error ({id})", text);
    }

    [Fact]
    public void AGoodClassGetsItsTableAndPerTargetValues()
    {
        var result = Run("[AbiConstant(\"X\")] [AbiValueOn(0x800, AbiTarget.Mips32, AbiTarget.Mipsel)] [AbiValueOn(0x10, AbiTarget.Alpha)] public const int A = 0x20;\n"
            + "[AbiConstant(\"Y\")] public const uint B = 0xFFFFFFFF;");
        var text = Assert.Single(result.Sources, s => s.HintName == "C.Mman.g.cs").Text;
        result.AssertClean();
        Assert.Contains("global::IoctlSharp.AbiTarget.Mips32 or global::IoctlSharp.AbiTarget.Mipsel => unchecked((int)2048L),", text);
        Assert.Contains("(global::IoctlSharp.AbiTarget.Alpha, \"X\", 16L)", text);
        Assert.Contains("(\"Y\", (long)global::C.Mman.B),", text);
    }

    [Fact]
    public void ValueOnNoTarget() => AssertRejected("[AbiConstant(\"X\")] [AbiValueOn(1)] public const int A = 0;", "ISH130");

    [Fact]
    public void ValueOnATargetThatIsNone() => AssertRejected("[AbiConstant(\"X\")] [AbiValueOn(1, (AbiTarget)99)] public const int A = 0;", "ISH130");

    [Fact]
    public void TwoConstantsWithOneCName() => AssertRejected("[AbiConstant(\"X\")] public const int A = 0;\n[AbiConstant(\"X\")] public const int B = 1;", "ISH131");

    [Fact]
    public void PerTargetValueTooBigForTheType() => AssertRejected("[AbiConstant(\"X\")] [AbiValueOn(70000, AbiTarget.Mips32)] public const ushort A = 0;", "ISH132");

    [Fact]
    public void NegativePerTargetValueForAnUnsignedType() => AssertRejected("[AbiConstant(\"X\")] [AbiValueOn(-1, AbiTarget.Mips32)] public const uint A = 0;", "ISH132");

    [Fact]
    public void UlongBeyondTheTable() => AssertRejected("[AbiConstant(\"X\")] public const ulong A = 0x8000000000000000;", "ISH132");

    [Fact]
    public void TwoValuesForOneTarget() => AssertRejected("[AbiConstant(\"X\")] [AbiValueOn(1, AbiTarget.Mips32)] [AbiValueOn(2, AbiTarget.Alpha, AbiTarget.Mips32)] public const int A = 0;", "ISH133");

    [Fact]
    public void NotAConstField() => AssertRejected("[AbiConstant(\"X\")] public static readonly int A = 0;", "ISH134");

    [Fact]
    public void NotAnIntegerType() => AssertRejected("[AbiConstant(\"X\")] public const double A = 0;", "ISH134");

    [Fact]
    public void ValueOnWithoutAConstant() => AssertRejected("[AbiConstant(\"X\")] public const int A = 0; [AbiValueOn(1, AbiTarget.Mips32)] public const int B = 0;", "ISH134");

    [Fact]
    public void EmptyCName() => AssertRejected("[AbiConstant(\"\")] public const int A = 0;", "ISH134");
}

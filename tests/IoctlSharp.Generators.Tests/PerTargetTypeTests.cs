using System.Linq;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// [AbiTypedef] and [AbiLength] beyond what the conformance suite compares with gcc: how an expression is
/// evaluated, and the bad declarations the docs pages do not show (each an ISH15x error, never a throw, and the
/// good declaration beside it still generated).
/// </summary>
public class PerTargetTypeTests
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing IoctlSharp;\nnamespace PerTarget;\n";

    private const string Good = "\n[AbiStruct] public partial struct Good { public uint A; }\n";

    private static void AssertRejected(string source, string expectedId, string message)
    {
        var result = Harness.Run(Usings + source + Good);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.Empty(result.ErrorsCausedByGeneration);
        var error = Assert.Single(result.Errors, d => d.Id.StartsWith("ISH", System.StringComparison.Ordinal));
        Assert.Equal(expectedId, error.Id);
        Assert.Contains(message, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(result.Sources, s => s.HintName == "PerTarget.Good.g.cs");
    }

    [Theory]
    [InlineData("2 + 3 * 4 - 10 / 3", 11)]           // * and / before + and -, left to right
    [InlineData("(2 + 3) * 4 - 10 / 3", 17)]
    [InlineData("100 / 7 / 2", 7)]                   // left-associative, truncating
    [InlineData("64 - -2 * sizeof(short)", 68)]
    [InlineData("sizeof(unsigned long long) * sizeof(void *)", 64)]
    [InlineData("1024 / (8 * sizeof(long))", 16)]
    [InlineData("4 * sizeof(__kernel_old_dev_t)", 32)] // the runtime's typedef: Value is x86_64's ulong
    public void TheExpressionIsEvaluatedAsCDoes(string expression, int length)
    {
        // The declared length must be what the expression gives in .NET, or ISH156: a wrong evaluation fails here.
        Harness.Run(Usings + $"[AbiStruct] public unsafe partial struct S {{ [AbiLength(\"{expression}\")] public fixed byte A[{length}]; }}").AssertClean();
    }

    [Fact]
    public void DivisionByZero() => AssertRejected(
        "[AbiStruct] public unsafe partial struct S { [AbiLength(\"16 / (sizeof(long) - 8)\")] public fixed byte A[4]; }",
        "ISH154", "divides by zero on x86_64");

    [Fact]
    public void NegativeOnSomeTargets() => AssertRejected(
        "[AbiStruct] public unsafe partial struct S { [AbiLength(\"6 - sizeof(long)\")] public fixed byte A[2]; }",
        "ISH155", "is -2 on x86_64");

    [Fact]
    public void UnterminatedSizeof() => AssertRejected(
        "[AbiStruct] public unsafe partial struct S { [AbiLength(\"sizeof(int\")] public fixed byte A[4]; }",
        "ISH154", "')' expected");

    [Fact]
    public void HexadecimalIsNotEvaluated() => AssertRejected(
        "[AbiStruct] public unsafe partial struct S { [AbiLength(\"0x10\")] public fixed byte A[16]; }",
        "ISH154", "only decimal integers");

    [Fact]
    public void ATargetNamedTwice() => AssertRejected(
        "[AbiTypedef(\"t\", typeof(int))] [AbiTypedefTarget(typeof(short), AbiTarget.I386)] [AbiTypedefTarget(typeof(ushort), AbiTarget.I386)] public struct T { public int Value; }\n"
        + "[AbiStruct] public partial struct S { public T X; }",
        "ISH151", "names i386 in two [AbiTypedefTarget]s");

    [Fact]
    public void ATypedefWithoutValue() => AssertRejected(
        "[AbiTypedef(\"t\", typeof(int))] public struct T { public int V; }\n[AbiStruct] public partial struct S { public T X; }",
        "ISH153", "exactly one instance field, named Value");

    [Fact]
    public void AFloatTypedef() => AssertRejected(
        "[AbiTypedef(\"t\", typeof(int))] [AbiTypedefTarget(typeof(float), AbiTarget.Arm32)] public struct T { public int Value; }\n[AbiStruct] public partial struct S { public T X; }",
        "ISH152", "'float' in an [AbiTypedefTarget]");

    [Fact]
    public void ABrokenTypedefInsideAnInlineArray() => AssertRejected(
        "[AbiTypedef(\"t\")] public struct T { public int Value; }\n[System.Runtime.CompilerServices.InlineArray(2)] public struct Two { private T _e; }\n"
        + "[AbiStruct] public partial struct S { public Two X; }",
        "ISH151", "has no type for x86_64");

    [Fact]
    public void ABrokenTypedefInSizeof() => AssertRejected(
        "[AbiTypedef(\"my_t\")] public struct T { public int Value; }\n"
        + "[AbiStruct] public unsafe partial struct S { [AbiLength(\"sizeof(my_t)\")] public fixed byte A[4]; }",
        "ISH151", "has no type for");

    [Fact]
    public void AUserTypedefInSizeof()
    {
        // A typedef beside the struct: 2 bytes on i386, 4 elsewhere, so the array is 2 or 4 long there.
        var result = Harness.Run(Usings
            + "[AbiTypedef(\"my_t\", typeof(uint))] [AbiTypedefTarget(typeof(ushort), AbiTarget.I386)] public struct T { public uint Value; }\n"
            + "[AbiStruct] public unsafe partial struct S { [AbiLength(\"sizeof(my_t)\")] public fixed byte A[4]; public T X; }").AssertClean();
        var twin = result.Sources.Single(s => s.HintName.StartsWith("PerTarget.S.Compat", System.StringComparison.Ordinal)).Text;
        Assert.Contains("public fixed byte A[2];", twin);
        Assert.Contains("[global::System.Runtime.InteropServices.FieldOffset(2)] public ushort X;", twin);
    }

    [Fact]
    public void AValueOfAarch64sTypeMakesTheDeclarationAarch64s()
    {
        // __kernel_old_dev_t declared with aarch64's uint: .NET's 8 bytes are aarch64's C size, and no
        // StructLayout.Size pads the struct to x86_64's 16 (which would make it wrong on aarch64 too).
        var result = Harness.Run(Usings
            + "[AbiTypedef(\"old_dev_t\", typeof(uint))] [AbiTypedefTarget(typeof(ulong), AbiTarget.X86_64)] public struct Dev { public uint Value; }\n"
            + "[AbiStruct(AllowAbiDifferences = true)] public partial struct S { public Dev D; public uint Y; }").AssertClean();
        var text = string.Concat(result.Sources.Select(s => s.Text));
        Assert.DoesNotContain("Size = 16", text);
        Assert.Contains("SizeOf = 16", text); // Abi.X86_64.SizeOf: x86_64's own layout is still there
    }

    [Fact]
    public void ARequestSizedByATypedefHasEachTargetsSize()
    {
        // _IOR('f', 1, __kernel_old_dev_t): 8 bytes on x86_64, 4 on aarch64, 2 on i386.
        var result = Harness.Run(Usings
            + "[IoctlGroup('f')] public static partial class G { [IoctlRead(1)] public static partial void Get(System.Runtime.InteropServices.SafeHandle fd, out KernelOldDevT dev); }").AssertClean();
        var text = string.Concat(result.Sources.Select(s => s.Text));
        Assert.Contains("0x80086601", text); // x86_64
        Assert.Contains("0x80046601", text); // aarch64
        Assert.Contains("0x80026601", text); // i386
    }

    [Fact]
    public void ATypedefCannotBeACountField() => AssertRejected(
        "[AbiStruct, FlexibleArray(typeof(uint), Name = \"E\", CountField = nameof(N))] public partial struct S { public KernelPidT N; }",
        "ISH106", "CountField");
}

using System.Linq;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// Declarations the generator cannot lay out or encode: the generator emits nothing for them and never throws;
/// the analyzer (or the compiler) says why with an error; good declarations beside them are still generated.
/// </summary>
public class BadInputTests
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing IoctlSharp;\nnamespace Bad;\n";

    private const string Good = "\n[AbiStruct] public partial struct Good { public uint A; }\n";

    private static void AssertRejected(string source, string expectedId, string badHint)
    {
        var result = Harness.Run(Usings + source + Good);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Id == "CS8785");
        Assert.Empty(result.ErrorsCausedByGeneration);
        Assert.Contains(expectedId, result.Ids);
        Assert.Contains(result.Errors, d => d.Id == expectedId);
        Assert.DoesNotContain(result.Completed, s => s.HintName == badHint);
        Assert.Contains(result.Sources, s => s.HintName == "Bad.Good.g.cs");
    }

    [Fact]
    public void ReferenceTypeField() => AssertRejected(
        "[AbiStruct] public partial struct S { public string Name; }", "ISH102", "Bad.S.g.cs");

    [Fact]
    public void CharField() => AssertRejected(
        "[AbiStruct] public partial struct S { public char C; }", "ISH102", "Bad.S.g.cs");

    [Fact]
    public void StructWithoutAbiAttributeAsField() => AssertRejected(
        "public struct Plain { public int X; } [AbiStruct] public partial struct S { public Plain P; }", "ISH102", "Bad.S.g.cs");

    [Fact]
    public void NonPartialStruct() => AssertRejected(
        "[AbiStruct] public struct S { public uint A; }", "ISH101", "Bad.S.g.cs");

    [Fact]
    public void NonPartialContainingType() => AssertRejected(
        "public class Outer { [AbiStruct] public partial struct S { public uint A; } }", "ISH101", "Bad.Outer.S.g.cs");

    [Fact]
    public void ClassWhereAStructIsNeeded() => AssertRejected(
        "[AbiStruct] public partial class S { public uint A; }", "CS0592", "Bad.S.g.cs");

    [Fact]
    public void GenericStruct() => AssertRejected(
        "[AbiStruct] public partial struct S<T> { public uint A; }", "ISH110", "Bad.S.g.cs");

    [Fact]
    public void EmptyStruct() => AssertRejected(
        "[AbiStruct] public partial struct S { }", "ISH109", "Bad.S.g.cs");

    /// <summary>
    /// A declared size that the layout contradicts is the analyzer's error (ISH103), on the project's targets; the
    /// layout itself is sound, so the generator completes the type and the build shows ISH103 and nothing else —
    /// not even for a struct that holds it.
    /// </summary>
    [Fact]
    public void ExpectedSizeContradictsLayoutIsReportedAndTheTypeCompleted()
    {
        var result = Harness.Run(Usings
            + "[AbiStruct(ExpectedSize = 12)] public partial struct S { public uint A; public ulong B; }\n"
            + "[AbiStruct] public partial struct Outer { public S Inner; }" + Good);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.Empty(result.ErrorsCausedByGeneration);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ISH103", error.Id);
        Assert.Contains("'S' declares a size of 12 bytes, but its C layout is 16 bytes on x86_64", error.GetMessage());
        Assert.Contains(result.Completed, s => s.HintName == "Bad.S.g.cs");
        Assert.Contains(result.Completed, s => s.HintName == "Bad.Outer.g.cs");
    }

    [Fact]
    public void UnionMemberWithoutFieldOffset() => AssertRejected(
        "[AbiUnion] public partial struct S { public uint A; [FieldOffset(0)] public ulong B; }", "ISH107", "Bad.S.g.cs");

    [Fact]
    public void OwnStructLayout() => AssertRejected(
        "[AbiStruct, StructLayout(LayoutKind.Sequential, Pack = 1)] public partial struct S { public uint A; }", "ISH108", "Bad.S.g.cs");

    [Fact]
    public void OverAlignedMemberDotNetCannotPlace() => AssertRejected(
        "[AbiStruct] public partial struct S { public uint A; [AbiAlign(16)] public ulong B; }", "ISH104", "Bad.S.g.cs");

    [Fact]
    public void InvalidPack() => AssertRejected(
        "[AbiStruct(Pack = 3)] public partial struct S { public uint A; }", "ISH106", "Bad.S.g.cs");

    [Fact]
    public void StructsThatContainEachOther()
    {
        var result = Harness.Run(Usings + """
            [AbiStruct] public partial struct A { public B Inner; }
            [AbiStruct] public partial struct B { public A Inner; }
            """ + Good);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.Contains("CS0523", result.Ids);
        Assert.Contains(result.Errors, d => d.Id.StartsWith("ISH"));
        Assert.DoesNotContain(result.Completed, s => s.HintName is "Bad.A.g.cs" or "Bad.B.g.cs");
    }

    [Fact]
    public void NestedStructWithAnErrorRejectsItsContainer() => AssertRejected(
        "[AbiStruct] public partial struct Inner { public string S; } [AbiStruct] public partial struct S { public Inner I; }", "ISH102", "Bad.S.g.cs");

    [Theory]
    [InlineData("[AbiStruct, StructLayout(LayoutKind.Sequential)] public partial struct Inner { public uint A; }", "ISH108")]
    [InlineData("[AbiStruct] public struct Inner { public uint A; }", "ISH101")]
    public void AContainerOfAnInvalidNestedStructIsNotGeneratedEither(string inner, string innerId)
    {
        // Otherwise the container's generated code would refer to members the nested type never got.
        var result = Harness.Run(Usings + inner + "\n[AbiStruct] public partial struct S { public Inner I; }" + Good);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.Contains(innerId, result.Ids);
        Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == "ISH102" && d.GetMessage().Contains("'I'"));
        Assert.DoesNotContain(result.Completed, s => s.HintName is "Bad.S.g.cs" or "Bad.Inner.g.cs");
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Id == "CS0315");
    }

    [Fact]
    public void IoctlOutsideAGroup()
    {
        var result = Harness.Run(Usings + "public static partial class NoGroup { [IoctlNone(1)] public static partial int Get(SafeHandle fd); }" + Good);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.Contains("ISH202", result.Ids);
        // The method gets a throwing implementation, so CS8795 does not stand in for ISH202 on the command line.
        Assert.DoesNotContain("CS8795", result.Ids);
        Assert.Empty(result.ErrorsCausedByGeneration);
        Assert.Contains(result.Sources, s => s.HintName == "Bad.NoGroup.Ioctls.g.cs" && s.Text.Contains("ISH202"));
    }

    [Fact]
    public void GroupTypeOutOfRange() => AssertRejected(
        "[IoctlGroup(300)] public static partial class G { [IoctlNone(1)] public static partial int Get(SafeHandle fd); }", "ISH106", "Bad.G.g.cs");

    [Fact]
    public void SizeThatOverflowsEverySizeField() => AssertIoctlRejected(
        "[AbiStruct] public unsafe partial struct Big { public fixed byte Data[20000]; }",
        "[IoctlRead(1)] public static partial void Get(SafeHandle fd, out Big big);", "ISH205", "on x86_64");

    [Fact]
    public void SizeThatOverflowsOnlyThe13BitSizeField() => AssertIoctlRejected(
        "[AbiStruct] public unsafe partial struct Big { public fixed byte Data[9000]; }",
        "[IoctlRead(1)] public static partial void Get(SafeHandle fd, out Big big);", "ISH205", "on ppc64le");

    [Fact]
    public void IoFormWithASize() => AssertIoctlRejected("",
        "[IoctlNone(1, SizeOf = typeof(int))] public static partial void Get(SafeHandle fd);", "ISH206", "_IO carries no size");

    [Fact]
    public void SizeCarryingFormWithoutAnything() => AssertIoctlRejected("",
        "[IoctlRead(1)] public static partial void Get(SafeHandle fd);", "ISH206", "carries a size");

    [Fact]
    public void StructPassedByValue() => AssertIoctlRejected("[AbiStruct] public partial struct Arg { public uint A; }",
        "[IoctlWrite(1)] public static partial void Set(SafeHandle fd, Arg arg);", "ISH206", "by value");

    [Fact]
    public void FirstParameterIsNotAHandle() => AssertIoctlRejected("",
        "[IoctlNone(1)] public static partial void Get(int fd);", "ISH206", "SafeHandle");

    [Fact]
    public void NumberOutOfRange() => AssertIoctlRejected("",
        "[IoctlNone(256)] public static partial void Get(SafeHandle fd);", "ISH106", "0 to 255");

    [Fact]
    public void LiteralWhoseReadBitContradictsAnInArgument() => AssertIoctlRejected("",
        "[IoctlRequest(0x80045401)] public static partial void Get(SafeHandle fd, in int value);", "ISH207", "_IOC_READ");

    [Fact]
    public void LiteralWhoseDirectionDiffersOnAnotherEncoding() => AssertIoctlRejected("",
        // bit 30 is _IOC_WRITE in the generic encoding but _IOC_READ on powerpc (bits 29-31): 'in' contradicts it there.
        "[IoctlRequest(0x40045401)] public static partial void Get(SafeHandle fd, in int value);", "ISH207", "on ppc64le");

    [Fact]
    public void LiteralWithDirectionBitsAndNoArgument() => AssertIoctlRejected("",
        "[IoctlRequest(0x5401), IoctlRequestOn(0x402C7413, AbiTarget.Ppc64le)] public static partial void Get(SafeHandle fd);", "ISH207", "missing");

    [Fact]
    public void PerTargetWithoutDefaultLeavesTargetsWithoutANumber() => AssertIoctlRejected("",
        "[IoctlRequest, IoctlRequestOn(0x5401, AbiTarget.X86_64)] public static partial void Get(SafeHandle fd, Span<byte> b);", "ISH208", "i386");

    [Fact]
    public void PerTargetNamingATargetTwice() => AssertIoctlRejected("",
        "[IoctlRequest(1), IoctlRequestOn(2, AbiTarget.I386), IoctlRequestOn(3, AbiTarget.I386)] public static partial void Get(SafeHandle fd);", "ISH209", "two numbers");

    [Fact]
    public void PerTargetWithoutIoctlRequest() => AssertIoctlRejected("",
        "[IoctlRequestOn(2, AbiTarget.I386)] public static partial void Get(SafeHandle fd);", "ISH209", "goes with [IoctlRequest]");

    [Fact]
    public void LiteralWithASizeOption() => AssertIoctlRejected("",
        "[IoctlRequest(0x8913, SizeOf = typeof(int))] public static partial void Get(SafeHandle fd, Span<byte> b);", "ISH210", "SizeOf");

    [Fact]
    public void MacroArgumentThatIsNotAnInt() => AssertIoctlRejected("",
        "[IoctlRead(0x40)] public static partial void Get(SafeHandle fd, [IoctlMacroArgument] long abs, out int v);", "ISH211", "must be an int");

    [Fact]
    public void MacroArgumentOnALiteral() => AssertIoctlRejected("",
        "[IoctlRequest(0x8913)] public static partial void Get(SafeHandle fd, [IoctlMacroArgument] int abs, Span<byte> b);", "ISH211", "taken as written");

    [Fact]
    public void CountingMacroArgumentWithoutAType() => AssertIoctlRejected("",
        "[IoctlNone(0)] public static partial void Get(SafeHandle fd, [IoctlMacroArgument(IoctlMacroArgumentKind.CountsSizeOf)] int n, Span<byte> b);", "ISH211", "CountsSizeOf");

    [Fact]
    public void FileDescriptorMemberThatIsNotAnInt() => AssertRejected(
        "[AbiStruct] public partial struct S { [AbiFileDescriptor] public ulong Fd; }", "ISH212", "Bad.S.g.cs");

    /// <summary>A group with one good ioctl and one bad one: the bad one alone is left out, with an error naming why.</summary>
    private static void AssertIoctlRejected(string types, string badIoctl, string expectedId, string messagePart)
    {
        var result = Harness.Run(Usings + types + "\n[IoctlGroup(0xAE)] public static partial class G {\n"
            + "[IoctlNone(0)] public static partial int Fine(SafeHandle fd);\n" + badIoctl + "\n}" + Good);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        var error = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == expectedId);
        Assert.Contains(messagePart, error.GetMessage());
        var group = Assert.Single(result.Sources, s => s.HintName == "Bad.G.g.cs").Text;
        Assert.Contains("Fine(", group);
        // The bad one has no request number and a body that throws naming the error, so nothing else fails.
        Assert.DoesNotContain("public static class Get", group);
        Assert.DoesNotContain("public static class Set", group);
        Assert.Contains($"throw new global::System.InvalidOperationException(\"IoctlSharp generated no wrapper for G.", group);
        Assert.Contains(": " + expectedId + ": ", group);
        Assert.Empty(result.ErrorsCausedByGeneration);
    }
}

using System.Linq;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// Declarations that used to make the generator throw (CS8785) or write code that does not compile, and the kinds
/// of type it cannot complete: each is now supported (the output compiles with no warning) or rejected by an ISH
/// error with nothing else failing. The command-line builds that prove the errors are shown live in the package test.
/// </summary>
public class FrontDoorTests
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing IoctlSharp;\n";

    [Fact]
    public void TypesWhoseNamesDifferOnlyInCaseGetFilesOfTheirOwn()
    {
        var result = Harness.Run(Usings + """
            namespace N
            {
                [AbiStruct] public partial struct FsXAttr { public uint A; }
                [AbiStruct] public partial struct FsXattr { public uint B; }
                [AbiStruct] public partial struct S { public uint C; }
            }
            namespace n
            {
                [IoctlGroup(1)] public static partial class S { [IoctlNone(1)] public static partial int Get(SafeHandle fd); }
            }
            """).AssertClean();
        var hints = result.Sources.Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(4, hints.Count);
        Assert.All(hints, h => Assert.Contains(".case-", h)); // only the colliding names carry a case signature
    }

    [Fact]
    public void ANestedTypeNamedCompatDoesNotMeetTheTwinsFile()
    {
        var result = Harness.Run(Usings + """
            namespace N;
            [AbiStruct(AllowAbiDifferences = true)] public partial struct S
            {
                public nuint P;
                [AbiStruct] public partial struct Compat { public uint X; }
            }
            """).AssertClean();
        Assert.Contains(result.Sources, s => s.HintName == "N.S.Compat.g.cs");
        Assert.Contains(result.Sources, s => s.HintName == "N.S+Compat.g.cs");
    }

    [Fact]
    public void GeneratedRequestNamesStepAsideForTheUsers()
    {
        // Ioctls named like the members of a request class, overloads, and a member named Requests.
        var result = Harness.Run(Usings + """
            namespace N;
            [IoctlGroup(0xAE)] public static partial class G
            {
                public const int Requests = 1;
                [IoctlNone(1)] public static partial int For(SafeHandle fd);
                [IoctlNone(2)] public static partial int Native(SafeHandle fd);
                [IoctlNone(3)] public static partial int X86_64(SafeHandle fd);
                [IoctlWrite(4)] public static partial void Set(SafeHandle fd, uint value);
                [IoctlWrite(5)] public static partial void Set(SafeHandle fd, ulong value);
            }
            """).AssertClean();
        string group = Assert.Single(result.Sources).Text;
        Assert.Contains("public static class IoctlRequests", group);
        Assert.Contains("public static class ForRequest", group);
        Assert.Contains("public static class Set_2", group);
    }

    [Fact]
    public void SignatureModifiersAreCarriedToTheImplementation()
    {
        var result = Harness.Run(Usings + """
            namespace N;
            [AbiStruct] public partial struct Arg { public uint A; }
            [IoctlGroup(0xAE)] public static unsafe partial class G
            {
                [IoctlWrite(1)] public static partial void Pointer(SafeHandle fd, Arg* arg);
                [IoctlReadWrite(2)] public static partial void Scoped(this SafeHandle fd, scoped ref Arg arg);
                [IoctlRead(3, SizeAtCall = true)] internal static partial int Bytes(SafeHandle fd, Span<byte> data);
            }
            """).AssertClean();
        string group = Assert.Single(result.Sources, s => s.HintName == "N.G.g.cs").Text;
        Assert.Contains("unsafe partial class G", group);
        Assert.Contains("public static partial void Scoped(this global::System.Runtime.InteropServices.SafeHandle fd, scoped ref global::N.Arg arg)", group);
    }

    [Fact]
    public void AnAttributeOnALaterPartIsFound()
    {
        var result = Harness.Run(Usings + """
            namespace N;
            public partial struct S { public override string ToString() => "S"; }
            [AbiStruct(ExpectedSize = 8)] public partial struct S { public uint A; public uint B; }
            """).AssertClean();
        Assert.Contains("SizeOf = 8;", Assert.Single(result.Sources).Text);
    }

    [Fact]
    public void LineBreaksInNamesCannotBreakOutOfCommentsOrLiterals()
    {
        var result = Harness.Run(Usings + """
            namespace N;
            [AbiStruct(CName = "evil\n}\u2028class X {")] public partial struct S { public uint A; }
            [IoctlGroup(1)] public static partial class G { [IoctlNone(1, Name = "A\"\nB\u2029")] public static partial int Get(SafeHandle fd); }
            """).AssertClean();
        Assert.Equal(2, result.Sources.Count);
    }

    [Theory]
    [InlineData("[AbiStruct] file partial struct S { public uint A; }", "file-local")]
    [InlineData("[AbiStruct] public ref partial struct S { public uint A; }", "ref struct")]
    [InlineData("[IoctlGroup(1)] file static partial class G { [IoctlNone(1)] public static partial int Get(SafeHandle fd); }", "file-local")]
    public void TypesNoGeneratorCanCompleteAreISH112(string declaration, string kind)
    {
        var result = Harness.Run(Usings + "namespace N;\n" + declaration);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        var error = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "ISH112");
        Assert.Contains(kind, error.GetMessage());
        // A file-local group's partial methods stay unimplemented (CS8795): no generator can add to a file-local
        // type. Every other kind compiles apart from the ISH error.
        if (!declaration.Contains("IoctlGroup"))
            Assert.Empty(result.ErrorsCausedByGeneration);
    }

    [Fact]
    public void ARejectedGenericIoctlStillGetsAnImplementationThatCompiles()
    {
        var result = Harness.Run(Usings + """
            namespace N;
            [IoctlGroup(1)] public static partial class G
            {
                [IoctlNone(1)] public static partial int Get<T>(SafeHandle fd) where T : unmanaged, IComparable<T>;
            }
            [IoctlGroup(2)] public static partial class H<T> where T : class
            {
                [IoctlNone(1)] public static partial int Get(SafeHandle fd);
            }
            """);
        Assert.Contains("ISH201", result.Ids);
        Assert.Contains("ISH110", result.Ids);
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }
}

/// <summary>Instance data the compiler adds (ISH113), and valid members that meet generated names.</summary>
public class HiddenDataAndGeneratedNameTests
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing IoctlSharp;\nnamespace N;\n";

    [Theory]
    [InlineData("[AbiStruct] public partial struct S { public uint A; public ulong B { get; set; } }", "auto-property 'B'")]
    [InlineData("[AbiStruct] public partial record struct S(uint A, uint B);", "auto-property 'A'")]
    [InlineData("[AbiStruct] public partial struct S(uint a) { public uint A = a; }", "primary constructor")]
    [InlineData("[AbiStruct] public partial struct S { public uint A; public event Action? Changed; }", "event 'Changed'")]
    [InlineData("[AbiStruct(ExpectedSize = 4)] public partial struct S { public uint A { get; set; } }", "auto-property 'A'")]
    public void CompilerAddedFieldsAreISH113NotCMembers(string declaration, string what)
    {
        var result = Harness.Run(Usings + declaration);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        var error = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "ISH113");
        Assert.Contains(what, error.GetMessage());
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id == "ISH103"); // not a misleading size error
        Assert.Empty(result.ErrorsCausedByGeneration);
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning
            && d.Location.SourceTree?.FilePath.Contains("IoctlSharp.Generators") == true);
    }

    [Fact]
    public void PropertiesWithoutStorageAreFine()
    {
        Harness.Run(Usings + "[AbiStruct] public partial struct S { public uint A; public uint Twice => A * 2; public override string ToString() => A.ToString(); }").AssertClean();
    }

    [Fact]
    public void VolatileMembersCompileWithoutCS0420()
    {
        Harness.Run(Usings + "[AbiStruct] public partial struct Ring { public volatile uint Head; public volatile uint Tail; }").AssertClean();
    }

    [Fact]
    public void TwinMembersNamedLikeGeneratedOnesKeepTheirNames()
    {
        // A ring whose indices are called Read and Write, with pointer-sized members so that it has 32-bit twins.
        var result = Harness.Run(Usings + """
            [AbiStruct] public partial struct Ring
            {
                public nuint Read, Write, SizeOf, ToNative, Widen, Narrow, Target;
                public nuint Data; public uint DataArray;
                public RingSlot Slots;
            }
            [System.Runtime.CompilerServices.InlineArray(4)] public struct RingSlot { public nuint Element; }
            """).AssertClean();
        string twins = Assert.Single(result.Sources, s => s.HintName == "N.Ring.Compat.g.cs").Text;
        Assert.Contains("public uint Read;", twins);
        Assert.Contains("IAbiTwin<I386, global::N.Ring>.Widen(", twins);
        Assert.DoesNotContain("public static global::N.Ring.I386 Read(", twins);
    }

    [Fact]
    public void GeneratedCodeIsCleanUnderGenerateDocumentationFile()
    {
        var result = Harness.RunDocumented(Usings + """
            /// <summary>A struct.</summary>
            [AbiStruct(AllowAbiDifferences = true)] public partial struct S { /// <summary>A.</summary>
            public nuint A; /// <summary>B.</summary>
            public ulong B; }
            /// <summary>A group.</summary>
            [IoctlGroup(1)] public static partial class G { /// <summary>Get.</summary>
            [IoctlRead(1)] public static partial void Get(SafeHandle fd, out S s); }
            """);
        result.AssertClean();
        Assert.Equal(3, result.Sources.Count);
    }
}

/// <summary>Arrays of arrays whose elements differ on 32-bit ABIs: found by the layout oracle (the twin emitter threw).</summary>
public class ArrayOfArraysTwinTests
{
    [Theory]
    [InlineData("nuint")]
    [InlineData("Cell")]
    public void TwoDimensionalArraysOfPointerSizedElementsGetTwinsThatCompile(string element)
    {
        var result = Harness.Run($$"""
            using System.Runtime.CompilerServices;
            using IoctlSharp;
            namespace N;
            [AbiStruct] public partial struct Cell { public nuint P; }
            [InlineArray(2)] public struct Row { private {{element}} _e; }
            [InlineArray(3)] public struct Grid { private Row _e; }
            [AbiStruct(AllowAbiDifferences = true)] public partial struct S { public Grid G; }
            """).AssertClean();
        string twins = Assert.Single(result.Sources, s => s.HintName == "N.S.Compat.g.cs").Text;
        Assert.Contains("public struct GArray", twins);
        Assert.Contains("public struct GArrayElementArray", twins);
    }
}

/// <summary>A wrapper whose declaration returns a nullable handle type still constructs the handle it returns.</summary>
public class NullableHandleReturnTests
{
    [Fact]
    public void ANullableHandleReturnCompiles()
    {
        Harness.Run("""
            using System.Runtime.InteropServices;
            using IoctlSharp;
            namespace N;
            [IoctlGroup(0xAE)] public static partial class Kvm
            {
                [IoctlNone(0x01, Name = "KVM_CREATE_VM")] public static partial FileDescriptorHandle? CreateVm(SafeHandle kvm);
            }
            """).AssertClean();
    }
}

using System.Diagnostics;
using System.Linq;
using System.Text;
using IoctlSharp.Generators.Tests.Verifiers;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>Generator bugs the fuzz test found, each pinned by the smallest input that showed it.</summary>
public class FuzzRegressionTests
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing System.Runtime.CompilerServices;\nusing IoctlSharp;\nnamespace Fuzz;\n";

    /// <summary>
    /// Each struct holds two of the previous one: the parser built (and the engine laid out) every path through the
    /// tree, 2^30 of them here, and hung. Now each nested type is built once per depth, and a struct that expands
    /// to more than Parser.MaxExpandedMembers members is ISH105.
    /// </summary>
    [Fact]
    public void TreeOfNestedStructsDoesNotHang()
    {
        var source = new StringBuilder(Usings).Append("[AbiStruct] public partial struct T0 { public uint X; }\n");
        for (int k = 1; k <= 30; k++)
            source.Append($"[AbiStruct] public partial struct T{k} {{ public T{k - 1} A; public T{k - 1} B; }}\n");

        var watch = Stopwatch.StartNew();
        var result = Harness.Run(source.ToString());
        Assert.True(watch.Elapsed.TotalSeconds < 120, $"took {watch.Elapsed}");
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.Contains(result.Sources, s => s.HintName == "Fuzz.T16.g.cs");          // 65,536 members expanded
        Assert.DoesNotContain(result.Completed, s => s.HintName == "Fuzz.T17.g.cs");    // 131,072
        var tooLarge = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "ISH105" && d.GetMessage().StartsWith("'T17'"));
        Assert.Contains("more than 100000 members", tooLarge.GetMessage());
    }

    /// <summary>
    /// Nested [InlineArray]s whose lengths multiply past 2^63 (8 * 2^30 * 2^30 * 2^30 bytes) wrapped the engine's
    /// long arithmetic to a member size of 0, so the struct was laid out in a few bytes instead of being ISH105.
    /// Now every array's size is checked as it is computed; the build still compiles, so a command-line build shows
    /// ISH105 itself.
    /// </summary>
    [Theory]
    [InlineData("D")] // 2^93 bytes: wrapped to 0
    [InlineData("C")] // 2^63 bytes: wrapped to a negative size
    [InlineData("B")] // 2^33 bytes
    public void NestedInlineArraysTooLargeForAnIntAreIsh105NotAWrappedSize(string member)
    {
        var result = Harness.Run(Usings + $$"""
            [InlineArray(1 << 30)] public struct B { private ulong _e; }
            [InlineArray(1 << 30)] public struct C { private B _e; }
            [InlineArray(1 << 30)] public struct D { private C _e; }
            [AbiStruct] public partial struct Huge { public byte Head; public {{member}} Data; public byte Tail; }
            """);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var tooLarge = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "ISH105");
        Assert.StartsWith("'Huge' cannot be laid out: an array of 1073741824 ", tooLarge.GetMessage());
        Assert.EndsWith("is larger than 2 GiB.", tooLarge.GetMessage());
        Assert.DoesNotContain(result.Completed, s => s.HintName == "Fuzz.Huge.g.cs");
    }

    /// <summary>An [InlineArray] struct whose element is itself (CS0523) sent the parser into unbounded recursion.</summary>
    [Fact]
    public void InlineArrayOfItselfIsAnErrorNotAStackOverflow() => DiagnosticVerifier.Verify("""
        [InlineArray(2)] public struct Loop { private Loop _element; }
        [AbiStruct] public partial struct S { public uint A; public Loop [|L|]; }
        """, "ISH102");

    /// <summary>A group declared with [IoctlGroup] on two partial parts made the generator add one hint name twice: CS8785.</summary>
    [Fact]
    public void GroupAttributedInTwoPartsDoesNotThrow()
    {
        var result = Harness.Run(Usings + """
            [IoctlGroup(1)] public static partial class G { [IoctlNone(1)] public static partial int A(SafeHandle fd); }
            [IoctlGroup(1)] public static partial class G { [IoctlNone(2)] public static partial int B(SafeHandle fd); }
            """);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.Contains("CS0579", result.Ids); // the compiler's own: duplicate attribute
        Assert.Single(result.Sources, s => s.HintName == "Fuzz.G.g.cs");
    }

    /// <summary>`ref T*` was accepted and generated InvokeRef&lt;T*&gt;, which does not compile (CS0306).</summary>
    [Fact]
    public void PointerByRefIsRejected()
    {
        var diagnostic = Assert.Single(DiagnosticVerifier.Verify("""
            [AbiStruct(ExpectedSize = 8)] public partial struct Arg { public ulong A; }
            [IoctlGroup(1)] public static partial class G
            {
                [IoctlNone(1)] public static partial int Fine(SafeHandle fd);
                [IoctlWrite(2)] public static unsafe partial void [|Raw|](SafeHandle fd, ref Arg* arg);
            }
            """, "ISH206"));
        Assert.Contains("a pointer cannot be passed ref", diagnostic.GetMessage());
        var result = Harness.Run(DiagnosticVerifier.Usings + """
            [AbiStruct(ExpectedSize = 8)] public partial struct Arg { public ulong A; }
            [IoctlGroup(1)] public static partial class G
            {
                [IoctlNone(1)] public static partial int Fine(SafeHandle fd);
                [IoctlWrite(2)] public static unsafe partial void Raw(SafeHandle fd, ref Arg* arg);
            }
            """);
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Id == "CS0306");
    }

    /// <summary>A named argument given twice (CS0643) made the parser's dictionary throw, so the analyzer failed with AD0001.</summary>
    [Fact]
    public void RepeatedNamedArgumentDoesNotThrow()
    {
        var result = Harness.Run(Usings + """
            [IoctlGroup(1)] public static partial class G { [IoctlNone(1, Name = "A", Name = "B")] public static partial int Get(SafeHandle fd); }
            """);
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id == "AD0001");
        Assert.Contains("CS0643", result.Ids);
    }

    /// <summary>An ioctl declared without an accessibility modifier got a 'private' implementation: CS8799.</summary>
    [Fact]
    public void IoctlWithoutAccessibilityModifierCompiles() => Harness.Run(Usings + """
        [AbiStruct(ExpectedSize = 8)] public partial struct Arg { public uint A; public uint B; }
        [IoctlGroup(1)] public static partial class G
        {
            [IoctlWrite(1)] static partial void Set(SafeHandle fd, in Arg arg);
            internal static void Call(SafeHandle fd) => Set(fd, default);
        }
        """).AssertClean();
}

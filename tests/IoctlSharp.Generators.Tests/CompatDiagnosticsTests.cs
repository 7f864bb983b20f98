using System.Linq;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// What the analyzer says about the 32-bit conversion attributes, and what the generator then emits: a warning
/// (ISH111) and layout-only twins for a union nothing discriminates; errors (ISH106) and nothing for a
/// discriminator that cannot work.
/// </summary>
public class CompatDiagnosticsTests
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing IoctlSharp;\nnamespace C;\n";

    private const string Union = """
        [AbiUnion] public unsafe partial struct PtrOrU64
        {
            [FieldOffset(0), AbiCase(1)] public void* Ptr;
            [FieldOffset(0), AbiCase(2)] public ulong Value;
        }
        """;

    [Fact]
    public void AUnionLaidOutDifferentlyWithoutADiscriminatorWarnsAndGetsLayoutOnlyTwins()
    {
        var result = Harness.Run(Usings + Union + "[AbiStruct] public partial struct Holder { public uint Tag; public PtrOrU64 U; }");
        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "ISH111");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("member 'U' holds a union laid out differently on i386", warning.GetMessage());
        string twins = result.Sources.Single(s => s.HintName == "C.Holder.Compat.g.cs").Text;
        Assert.Contains("public partial struct I386", twins);
        Assert.DoesNotContain("Widen", twins);
        Assert.Contains("layout only (no conversions: see ISH111)", result.Sources.Single(s => s.HintName == "C.Holder.g.cs").Text);
    }

    [Fact]
    public void ADiscriminatorMakesTheSameUnionConvertible()
    {
        var result = Harness.Run(Usings + Union + "[AbiStruct(AllowAbiDifferences = true)] public partial struct Holder { public uint Tag; [AbiDiscriminator(nameof(Tag))] public PtrOrU64 U; }")
            .AssertClean();
        string twins = result.Sources.Single(s => s.HintName == "C.Holder.Compat.g.cs").Text;
        Assert.Contains("switch (unchecked((long)source.Tag))", twins);
        Assert.Contains("destination.U.Ptr = (void*)(nuint)source.U.Ptr; // zero-extends, as compat_ptr()", twins);
    }

    [Fact]
    public void AUnionWhoseMembersShareOneTypeNeedsNoDiscriminator() => Harness.Run(Usings + """
        [AbiUnion] public partial struct Address { [FieldOffset(0)] public nuint Phys; [FieldOffset(0)] public nuint Linear; }
        [AbiStruct] public partial struct Holder { public uint Size; public Address U; }
        """).AssertClean();

    [Fact]
    public void AStructLaidOutAlikeEverywhereGetsNoTwinAndSaysSo()
    {
        var result = Harness.Run(Usings + "[AbiStruct] public partial struct Same { public uint A; public uint B; }").AssertClean();
        Assert.DoesNotContain(result.Completed, s => s.HintName == "C.Same.Compat.g.cs");
        Assert.Contains("// 32-bit twins: none", result.Sources.Single(s => s.HintName == "C.Same.g.cs").Text);
    }

    [Theory]
    [InlineData("public uint Tag; [AbiDiscriminator(\"Missing\")] public PtrOrU64 U;", "it must name an integer or enum member of the same struct")]
    [InlineData("public double Tag; [AbiDiscriminator(nameof(Tag))] public PtrOrU64 U;", "it must name an integer or enum member of the same struct")]
    [InlineData("public uint Tag; [AbiDiscriminator(nameof(Tag))] public ulong U;", "the member it is on must have an [AbiUnion] type")]
    [InlineData("[AbiCase(1)] public uint Tag; public ulong U;", "cases belong on the members of an [AbiUnion]")]
    public void AMisusedDiscriminatorIsAnErrorAndNothingIsGenerated(string members, string why)
    {
        var result = Harness.Run(Usings + Union + "[AbiStruct] public partial struct Holder { " + members + " }");
        Assert.All(result.Run.Results, r => Assert.Null(r.Exception));
        Assert.Contains(result.Errors, d => d.Id == "ISH106" && d.GetMessage().Contains(why));
        Assert.DoesNotContain(result.Completed, s => s.HintName.StartsWith("C.Holder."));
    }

    [Fact]
    public void TwoMembersClaimingOneValueIsAnError()
    {
        var result = Harness.Run(Usings + """
            [AbiUnion] public unsafe partial struct Twice
            {
                [FieldOffset(0), AbiCase(1)] public void* Ptr;
                [FieldOffset(0), AbiCase(2, 1)] public ulong Value;
            }
            [AbiStruct] public partial struct Holder { public uint Tag; [AbiDiscriminator(nameof(Tag))] public Twice U; }
            """);
        Assert.Contains(result.Errors, d => d.Id == "ISH106" && d.GetMessage().Contains("already claims this value"));
        Assert.DoesNotContain(result.Completed, s => s.HintName.StartsWith("C.Holder."));
    }

    [Fact]
    public void AReadonlyMemberLeavesLayoutOnlyTwinsThatCompile()
    {
        // A conversion cannot assign a readonly member: the twins of the struct and of its holder are layout only.
        var result = Harness.Run(Usings + """
            [AbiStruct] public readonly partial struct Frozen { public readonly uint A; public readonly nuint B; }
            [AbiStruct] public partial struct Holder { public Frozen F; }
            """).AssertClean();
        foreach (var hint in new[] { "C.Frozen.Compat.g.cs", "C.Holder.Compat.g.cs" })
            Assert.DoesNotContain("Widen", result.Sources.Single(s => s.HintName == hint).Text);
        Assert.Contains("layout only (a readonly member, or an [InlineArray] of pointers, cannot be converted)", result.Sources.Single(s => s.HintName == "C.Holder.g.cs").Text);
    }

    [Fact]
    public void ArraysOfPointerSizedScalarsGetTwinArraysAndConvertElementByElement()
    {
        var result = Harness.Run(Usings + """
            [System.Runtime.CompilerServices.InlineArray(4)] public struct Sizes { private nuint _e; }
            [AbiStruct] public partial struct Vectors { public uint Count; public Sizes Lengths; }
            """).AssertClean();
        string twins = result.Sources.Single(s => s.HintName == "C.Vectors.Compat.g.cs").Text;
        Assert.Contains("private uint _element0;", twins);
        Assert.Contains("destination.Lengths[i0] = source.Lengths[i0]; // zero-extends", twins);
        Assert.Contains("if (source.Lengths[i0] > uint.MaxValue)", twins);
    }

    [Fact]
    public void AnInlineArrayOfPointersLeavesLayoutOnlyTwins()
    {
        // C# cannot index an [InlineArray] of pointers (CS9184, reported on the user's own type): no conversions.
        var result = Harness.Run(Usings + """
            [System.Runtime.CompilerServices.InlineArray(2)] public unsafe struct Pointers { private byte* _e; }
            [AbiStruct] public unsafe partial struct Vectors { public Pointers Bases; }
            """);
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.DoesNotContain("Widen", result.Sources.Single(s => s.HintName == "C.Vectors.Compat.g.cs").Text);
    }

    [Fact]
    public void ATwinThatNeedsNoUnsafeCodeCompilesWithoutIt()
    {
        // A struct without pointers or fixed buffers: its twins and conversions compile in a project that does
        // not allow unsafe code.
        var compilation = Harness.Compile(Usings + "[AbiStruct] public partial struct L { public uint A; public ulong B; public System.Runtime.InteropServices.CLong C; public nuint D; }")
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, allowUnsafe: false));
        Harness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("C.L.Compat.g.cs"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }
}

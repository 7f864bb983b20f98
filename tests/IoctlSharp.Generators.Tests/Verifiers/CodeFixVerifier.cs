using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace IoctlSharp.Generators.Tests.Verifiers;

/// <summary>
/// Applies a code fix with the official Roslyn test library (Microsoft.CodeAnalysis.CSharp.CodeFix.Testing), which
/// checks the fixed document, that the diagnostic is gone, and the same result through Fix All in the document,
/// project and solution and through batch fixing; then checks that the fixed source compiles with the generator.
/// </summary>
internal static class CodeFixVerifier
{
    /// <param name="before">Source after <see cref="DiagnosticVerifier.Usings"/>, with the diagnostic to fix marked <c>[|...|]</c>.</param>
    /// <param name="after">The expected source after the fix (without the usings).</param>
    public static async Task VerifyAsync(CodeFixProvider fix, string id, string before, string after)
    {
        Assert.Contains(id, fix.FixableDiagnosticIds);
        var test = new Test(fix, id)
        {
            // The library's own [|...|] means "the one diagnostic the analyzer supports"; ours support many.
            TestCode = DiagnosticVerifier.Usings + before.Replace("[|", "{|" + id + ":"),
            FixedCode = DiagnosticVerifier.Usings + after,
        };
        await test.RunAsync(CancellationToken.None);

        var errors = Harness.Run(DiagnosticVerifier.Usings + after).Errors.ToList();
        Assert.True(errors.Count == 0, "The fixed source does not build:\n" + string.Join("\n", errors));
    }

    private sealed class Test : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
    {
        private readonly CodeFixProvider _fix;

        public Test(CodeFixProvider fix, string id)
        {
            _fix = fix;
            // The .NET 8 reference assemblies the rest of the tests use, from Basic.Reference.Assemblies: nothing
            // to download at test time.
            ReferenceAssemblies = new ReferenceAssemblies("net8.0");
            TestState.AdditionalReferences.AddRange(Harness.Compile().References);
            // Only the diagnostic under test is compared; the other advice on the same struct is not this fix's.
            DisabledDiagnostics.AddRange(Harness.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Where(d => d != id));
            SolutionTransforms.Add((solution, projectId) => solution
                .WithProjectParseOptions(projectId, Harness.ParseOptions)
                .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!)
                    .WithAllowUnsafe(true).WithNullableContextOptions(NullableContextOptions.Enable)));
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Harness.AllAnalyzers();

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new[] { _fix };
    }
}

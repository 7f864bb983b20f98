using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace IoctlSharp.Generators.Tests;

/// <summary>The pipeline caches: unrelated edits re-run nothing, and an edit to one struct touches only its output.</summary>
public class IncrementalityTests
{
    private const string Structs = """
        using IoctlSharp;
        using System.Runtime.InteropServices;
        namespace N;
        [AbiStruct] public partial struct First { public uint A; public ulong B; }
        [AbiStruct] public partial struct Second { public ushort C; public uint D; }
        [AbiUnion] public partial struct Third { [FieldOffset(0)] public uint E; [FieldOffset(0)] public byte F; }
        [IoctlGroup(0xAE)] public static partial class G
        {
            [IoctlRead(1)] public static partial void Get(SafeHandle fd, out First first);
        }
        """;

    private const string Unrelated = "namespace N; public class Unrelated { public int X() => 1; }";

    private static readonly string[] TrackedSteps = { IoctlGenerator.Steps.Structs, IoctlGenerator.Steps.Unions, IoctlGenerator.Steps.Groups };

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = Harness.Compile(Structs, Unrelated);
        var driver = Harness.Driver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static Compilation Replace(Compilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, Harness.ParseOptions, old.FilePath));
    }

    [Fact]
    public void EditingAnUnrelatedFileRunsNoGenerationStep()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, 1, Unrelated.Replace("=> 1", "=> 2"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = TrackedSteps.SelectMany(step => result.TrackedSteps[step])
            .SelectMany(run => run.Outputs.Select(o => o.Reason)).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step re-ran: {r}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(run => run.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output re-ran: {o.Reason}"));
    }

    [Fact]
    public void EditingOneStructChangesOnlyThatStructsOutput()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, 0, Structs.Replace("public ushort C; public uint D;", "public ushort C; public ulong D;"));
        var run = driver.RunGenerators(edited).GetRunResult();
        var result = run.Results.Single();

        var structOutputs = result.TrackedSteps[IoctlGenerator.Steps.Structs].SelectMany(s => s.Outputs).ToList();
        var modified = structOutputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        var modifiedModel = Assert.Single(modified).Value;
        Assert.Contains("Second", modifiedModel.ToString());
        Assert.All(structOutputs.Except(modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        Assert.All(result.TrackedSteps[IoctlGenerator.Steps.Unions].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"union step: {o.Reason}"));
        Assert.All(result.TrackedSteps[IoctlGenerator.Steps.Groups].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"group step: {o.Reason}"));
        Assert.Contains("public const int D = 8;", result.GeneratedSources.Single(s => s.HintName == "N.Second.g.cs").SourceText.ToString());
    }

    [Fact]
    public void EditingAStructInAnotherFileModifiesTheGroupThatUsesItAndNothingElse()
    {
        const string types = """
            using IoctlSharp;
            namespace N;
            [AbiStruct] public partial struct Arg { public uint A; }
            [AbiStruct] public partial struct Other { public uint B; }
            """;
        const string groups = """
            using IoctlSharp;
            using System.Runtime.InteropServices;
            namespace N;
            [IoctlGroup(0xAE)] public static partial class Uses { [IoctlRead(1)] public static partial void Get(SafeHandle fd, out Arg arg); }
            [IoctlGroup(0xAF)] public static partial class Unrelated { [IoctlNone(1)] public static partial int Ping(SafeHandle fd); }
            """;
        var compilation = Harness.Compile(types, groups, Unrelated);
        var driver = Harness.Driver().RunGenerators(compilation);
        var edited = Replace(compilation, 0, types.Replace("public uint A;", "public ulong A;"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var structs = result.TrackedSteps[IoctlGenerator.Steps.Structs].SelectMany(s => s.Outputs).ToList();
        Assert.Contains("Arg", Assert.Single(structs, o => o.Reason == IncrementalStepRunReason.Modified).Value.ToString());
        Assert.All(structs.Where(o => o.Reason != IncrementalStepRunReason.Modified),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"struct step: {o.Reason}"));

        var groupOutputs = result.TrackedSteps[IoctlGenerator.Steps.Groups].SelectMany(s => s.Outputs).ToList();
        Assert.Contains("Uses", Assert.Single(groupOutputs, o => o.Reason == IncrementalStepRunReason.Modified).Value.ToString());
        Assert.All(groupOutputs.Where(o => o.Reason != IncrementalStepRunReason.Modified),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"group step: {o.Reason}"));
        // The names did not change, so the file-name step did not either.
        Assert.All(result.TrackedSteps[IoctlGenerator.Steps.HintCollisions].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"hint step: {o.Reason}"));
        Assert.Contains("size 8", result.GeneratedSources.Single(s => s.HintName == "N.Uses.g.cs").SourceText.ToString());
    }

    [Fact]
    public void PipelineModelsHoldNoSymbolsSyntaxLocationsOrCompilations()
    {
        var (driver, compilation) = FirstRun();
        var result = driver.GetRunResult().Results.Single();
        int walked = 0;
        foreach (var step in TrackedSteps)
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
                walked += Walk(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
        Assert.True(walked > 20, $"walked only {walked} objects");
    }

    /// <summary>Visits every object reachable through fields; fails on a Roslyn object that would pin a compilation.</summary>
    private static int Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return 0;
        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or AttributeData,
            $"{path} holds a {value.GetType().Name}");
        if (!value.GetType().IsValueType && !seen.Add(value)) return 0;
        int count = 1;
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items)
                count += Walk(item, $"{path}[{i++}]", seen);
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            count += Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
        return count;
    }

    [Fact]
    public void TheGeneratorKeepsNoOldCompilationAlive()
    {
        var (driver, reference) = RunAndForget();
        for (int i = 0; i < 3 && reference.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(reference.IsAlive, "the driver keeps the first compilation alive");
        GC.KeepAlive(driver);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (GeneratorDriver, WeakReference) RunAndForget()
    {
        var first = Harness.Compile(Structs, Unrelated);
        var driver = Harness.Driver().RunGenerators(first);
        var second = Replace(first, 1, Unrelated.Replace("=> 1", "=> 3"));
        driver = driver.RunGenerators(second);
        return (driver, new WeakReference(first));
    }
}

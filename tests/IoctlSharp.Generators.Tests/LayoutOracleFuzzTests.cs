using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IoctlSharp.Generators.Tests.LayoutOracle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// The layouts the generator emits are gcc's: random <c>[AbiStruct]</c>/<c>[AbiUnion]</c> declarations (scalars,
/// enums, pointers, fixed buffers, inline arrays, nested structs and unions, Pack, Packed, Align, AbiAlign,
/// AbiPacked, flexible arrays) are compiled with the real generator, loaded, and asked through the public
/// <c>AbiLayout.Of&lt;T&gt;(target)</c> for every size, alignment, member offset and member size on x86_64 and
/// i386; the same declarations in C are asked of <c>gcc -m64</c> and <c>gcc -m32</c>, and every value must agree.
/// </summary>
/// <remarks>
/// Nothing here reads the generator's internals or the names of generated members: only the attributes, the
/// generated assembly's types and <c>AbiLayout</c>. A case is reproducible from the seed and its index
/// (<see cref="RandomDeclarations.Case"/>). IOCTLSHARP_ORACLE_CASES and IOCTLSHARP_ORACLE_SEED change the count and
/// the seed for a longer run by hand (not the fuzz test's IOCTLSHARP_FUZZ_CASES: its cases cost a tenth as much).
/// </remarks>
public class LayoutOracleFuzzTests
{
    private const int DefaultCases = 200;
    private const int DefaultSeed = 20261202;
    private const int CasesPerBatch = 50;

    private static readonly AbiTarget[] Targets = { AbiTarget.X86_64, AbiTarget.I386 };

    private static readonly MethodInfo s_of = typeof(AbiLayout).GetMethod(nameof(AbiLayout.Of))!;
    private static readonly MethodInfo s_native = typeof(AbiLayout).GetMethod(nameof(AbiLayout.Native))!;

    private readonly ITestOutputHelper _output;

    public LayoutOracleFuzzTests(ITestOutputHelper output) => _output = output;

    private static int EnvInt(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : fallback;

    [Fact]
    public void GeneratedLayoutsOfRandomDeclarationsMatchGccOnX86_64AndI386()
    {
        int cases = EnvInt("IOCTLSHARP_ORACLE_CASES", DefaultCases);
        int seed = EnvInt("IOCTLSHARP_ORACLE_SEED", DefaultSeed);
        var batches = Enumerable.Range(0, (cases + CasesPerBatch - 1) / CasesPerBatch)
            .Select(b => Enumerable.Range(b * CasesPerBatch, Math.Min(CasesPerBatch, cases - b * CasesPerBatch)))
            .ToArray();
        var failures = new ConcurrentBag<Failure>();
        long values = 0, types = 0;

        var watch = Stopwatch.StartNew();
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
        {
            var result = RunBatch(seed, batch.Select(i => RandomDeclarations.Case(seed, i)).ToList());
            Interlocked.Add(ref values, result.Values);
            Interlocked.Add(ref types, result.Types);
            foreach (var f in result.Failures)
                failures.Add(f);
        });
        watch.Stop();

        _output.WriteLine($"layout oracle: {cases} cases (seed {seed}), {types} types, {values} values compared with gcc "
                          + $"(x86_64 and i386) in {watch.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} threads");
        _output.WriteLine("constructs: " + RandomDeclarations.Census(Enumerable.Range(0, cases).Select(i => RandomDeclarations.Case(seed, i))));
        var counts = failures.GroupBy(f => f.Kind).OrderBy(g => g.Key)
            .Select(g => $"{g.Select(f => f.Case).Distinct().Count()} {Explain(g.Key)}");
        var shown = failures.OrderBy(f => f.Kind).ThenBy(f => f.Case).Take(3).Select(f => f.Report);
        Assert.True(failures.IsEmpty,
            $"Of {cases} cases (seed {seed}): {string.Join(", ", counts)}. The first:\n\n" + string.Join("\n", shown));
        Assert.True(values >= cases * 4L * Targets.Length, $"only {values} values were compared for {cases} cases");
    }

    private static string Explain(FailureKind kind) => kind switch
    {
        FailureKind.DiffersFromGcc => "differ from gcc",
        FailureKind.WrongShape => "have layouts whose members are not the declaration's",
        FailureKind.NotNative => "have a .NET layout that is not their C layout on x86_64 (AbiLayout.Native<T>() throws)",
        FailureKind.GeneratorThrew => "make the generator throw",
        _ => "were not laid out (the oracle generates only declarations the generator should accept)",
    };

    /// <summary>The oracle's own half: the gcc read-back gives the values ABI-NOTES states (u32 then u64: 12 bytes on i386, 16 on x86_64).</summary>
    [Fact]
    public void GccReadBackGivesTheKnownI386AndX86_64Layouts()
    {
        string program = GccValues.Program("struct t { unsigned int a; unsigned long long b; char c[]; };\n",
            new[] { "sizeof(struct t)", "_Alignof(struct t)", "__builtin_offsetof(struct t, b)", "0", "0", "__builtin_offsetof(struct t, c)" });
        Assert.Equal(new uint[] { 16, 8, 8, 0, 0, 16 }, GccValues.Compute(AbiTarget.X86_64, program));
        Assert.Equal(new uint[] { 12, 4, 4, 0, 0, 12 }, GccValues.Compute(AbiTarget.I386, program));
    }

    /// <summary>One value to ask of gcc and of AbiLayout.</summary>
    private sealed record Probe(OCase Case, OStruct Type, string C, (string Field, int? Index)[] Steps, ProbeKind Kind);

    private enum ProbeKind { Size, Align, Offset, MemberSize }

    /// <summary>What went wrong with a case, worst first in the report.</summary>
    private enum FailureKind { DiffersFromGcc, WrongShape, NotNative, GeneratorThrew, NotLaidOut }

    private sealed record Failure(int Case, FailureKind Kind, string Report);

    private sealed record BatchResult(List<Failure> Failures, long Values, long Types);

    private static BatchResult RunBatch(int seed, List<OCase> cases, bool isolate = true)
    {
        var probes = new List<Probe>();
        foreach (var c in cases)
            foreach (var s in c.Types)
                AddProbes(probes, c, s);

        // gcc works on both targets while Roslyn compiles.
        string program = GccValues.Program(RandomDeclarations.CPrelude + string.Concat(cases.Select(c => c.C)), probes.Select(p => p.C).ToList());
        var gcc = Targets.ToDictionary(t => t, t => Task.Run(() => GccValues.Compute(t, program)));

        var failures = new List<Failure>();
        var (thrown, output, pe, errors) = Build(cases);
        if (thrown is not null || errors.Count > 0)
        {
            // Report the cases that fail on their own, with their declarations, and compare the others without them.
            var good = new List<OCase>();
            foreach (var c in isolate ? cases : new List<OCase>())
            {
                var alone = Build(new List<OCase> { c });
                if (alone.Thrown is not null)
                    failures.Add(new Failure(c.Index, FailureKind.GeneratorThrew, Describe(c, seed, "the generator threw", $"  {alone.Thrown}\n")));
                else if (alone.Errors.Count > 0)
                    failures.AddRange(Rejected(seed, new List<OCase> { c }, new List<OCase> { c }, alone.Output, alone.Errors));
                else
                    good.Add(c);
            }

            if (good.Count == cases.Count || !isolate)
            {
                failures.Add(new Failure(cases[0].Index, thrown is null ? FailureKind.NotLaidOut : FailureKind.GeneratorThrew,
                    $"cases #{cases[0].Index}..#{cases[^1].Index} fail together but not alone: {thrown?.ToString() ?? string.Join("\n", errors.Take(12))}"));
                return new BatchResult(failures, 0, 0);
            }

            var rest = good.Count > 0 ? RunBatch(seed, good, isolate: false) : new BatchResult(new List<Failure>(), 0, 0);
            failures.AddRange(rest.Failures);
            return rest with { Failures = failures };
        }

        var context = new OracleLoadContext();
        try
        {
            var assembly = context.LoadFromStream(pe);
            var clrTypes = new Dictionary<OStruct, Type>();
            var notLaidOut = new List<OCase>();
            foreach (var c in cases)
            {
                foreach (var s in c.Types)
                {
                    var type = assembly.GetType("Oracle." + s.Name, throwOnError: true)!;
                    if (!type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAbiStruct<>)))
                        notLaidOut.Add(c);
                    clrTypes[s] = type;
                }
            }

            if (notLaidOut.Count > 0)
                failures.AddRange(Rejected(seed, cases, notLaidOut.Distinct().ToList(), output, Array.Empty<Diagnostic>()));

            long compared = 0;
            var layouts = new Dictionary<(Type, AbiTarget), AbiStructLayout>();
            AbiStructLayout LayoutOf(OStruct s, AbiTarget target)
            {
                var key = (clrTypes[s], target);
                if (!layouts.TryGetValue(key, out var layout))
                    layouts[key] = layout = (AbiStructLayout)s_of.MakeGenericMethod(key.Item1).Invoke(null, new object[] { target })!;
                return layout;
            }

            var byCase = probes.Select((p, i) => (Probe: p, Index: i)).Where(x => !notLaidOut.Contains(x.Probe.Case)).GroupBy(x => x.Probe.Case);
            var gccValues = Targets.ToDictionary(t => t, t => gcc[t].GetAwaiter().GetResult());
            foreach (var t in Targets)
                if (gccValues[t].Length != probes.Count)
                    throw new InvalidOperationException($"gcc gave {gccValues[t].Length} values for {t.CName()}, {probes.Count} were asked");

            foreach (var group in byCase)
            {
                var c = group.Key;
                var report = new StringBuilder();
                bool shapeOnly = false;
                foreach (var s in c.Types)
                {
                    // The shape first: every member, in order, is where the declaration says.
                    var layout = LayoutOf(s, AbiTarget.X86_64);
                    var names = layout.Fields.Select(f => f.Name).ToList();
                    var declared = s.Fields.Select(f => f.Name).ToList();
                    if (!names.SequenceEqual(declared) || layout.IsUnion != s.IsUnion || (layout.FlexibleArray is null) != (s.Flexible is null))
                    {
                        report.Append($"  {s.Name}: AbiLayout has {(layout.IsUnion ? "union" : "struct")} members [{string.Join(", ", names)}]"
                                      + $"{(layout.FlexibleArray is null ? "" : " + flexible " + layout.FlexibleArray.Name)}, declared [{string.Join(", ", declared)}]\n");
                        shapeOnly = true;
                    }

                    // .NET's own layout of the generated type in this (x86_64) process is the C layout too.
                    try
                    {
                        s_native.MakeGenericMethod(clrTypes[s]).Invoke(null, null);
                    }
                    catch (TargetInvocationException e) when (e.InnerException is AbiLayoutException inner)
                    {
                        report.Append($"  AbiLayout.Native<{s.Name}>(): {inner.Message}\n");
                    }
                }

                if (shapeOnly)
                {
                    failures.Add(new Failure(c.Index, FailureKind.WrongShape, Describe(c, seed, "the generated layouts are not the declarations'", report.ToString())));
                    continue;
                }

                bool notNative = report.Length > 0, differs = false;

                foreach (var target in Targets)
                {
                    var mismatches = new StringBuilder();
                    int differing = 0;
                    foreach (var (probe, index) in group)
                    {
                        uint ours = (uint)Compute(probe, target, LayoutOf);
                        uint theirs = gccValues[target][index];
                        compared++;
                        if (ours != theirs && ++differing <= 12)
                            mismatches.Append($"  {probe.C,-70} gcc {theirs,5}   IoctlSharp {ours,5}\n");
                    }

                    differs |= differing > 0;
                    if (differing > 0)
                        report.Append($" on {target.CName()}, {differing} of {group.Count()} values differ:\n").Append(mismatches);
                }

                if (differs)
                    failures.Add(new Failure(c.Index, FailureKind.DiffersFromGcc, Describe(c, seed, "IoctlSharp's layout differs from gcc's", report.ToString())));
                else if (notNative)
                    failures.Add(new Failure(c.Index, FailureKind.NotNative, Describe(c, seed, ".NET's layout of the generated type is not the C layout", report.ToString())));
            }
            return new BatchResult(failures, compared, cases.Except(notLaidOut).Sum(c => c.Types.Count));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The cases compiled with the generator and emitted to memory: the generator's exception, or the compiler's errors, or the image.</summary>
    private static (Exception? Thrown, Compilation Output, MemoryStream Image, List<Diagnostic> Errors) Build(IReadOnlyList<OCase> cases)
    {
        var compilation = Harness.Compile(cases.Select(c => RandomDeclarations.Usings + c.CSharp).ToArray())
            .WithAssemblyName("Oracle" + cases[0].Index.ToString(CultureInfo.InvariantCulture));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new IoctlGenerator().AsSourceGenerator() }, parseOptions: Harness.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var image = new MemoryStream();
        if (driver.GetRunResult().Results.FirstOrDefault(r => r.Exception is not null) is { Exception: { } thrown })
            return (thrown, output, image, new List<Diagnostic>());
        var emitted = output.Emit(image);
        image.Position = 0;
        return (null, output, image, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
    }

    private static string Describe(OCase c, int seed, string what, string details)
        => $"case #{c.Index} (seed {seed}): {what}\n{details}--- C ---\n{RandomDeclarations.CPrelude}{c.C}--- C# ---\n{c.CSharp}";

    /// <summary>The cases whose declarations the generator did not lay out, with the compiler's and analyzers' errors for each.</summary>
    private static IEnumerable<Failure> Rejected(int seed, IReadOnlyList<OCase> batch, IReadOnlyList<OCase> cases, Compilation output,
        IEnumerable<Diagnostic> compilerErrors)
    {
        var analyzerErrors = output.WithAnalyzers(Harness.AllAnalyzers())
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
            .Where(d => d.Severity == DiagnosticSeverity.Error);
        var all = compilerErrors.Concat(analyzerErrors).Distinct().ToList();
        var reported = new List<Failure>();
        foreach (var c in cases)
        {
            // Harness.Compile names the k-th source Source{k}.cs; errors in generated code name the type.
            string file = $"Source{batch.ToList().IndexOf(c)}.cs";
            var mine = all.Where(d => d.Location.SourceTree?.FilePath == file
                                      || c.Types.Any(t => d.GetMessage(CultureInfo.InvariantCulture).Contains(t.Name, StringComparison.Ordinal)
                                                          || (d.Location.SourceTree?.FilePath.Contains(t.Name, StringComparison.Ordinal) ?? false))).ToList();
            if (mine.Count == 0 && cases.Count > 1)
                continue;
            reported.Add(new Failure(c.Index, FailureKind.NotLaidOut, Describe(c, seed, "the declaration was not laid out (the oracle generates only declarations the generator should accept)",
                string.Concat((mine.Count > 0 ? mine : all).Take(8).Select(d => "  " + d + "\n")))));
        }

        if (reported.Count == 0)
            reported.Add(new Failure(cases[0].Index, FailureKind.NotLaidOut, $"cases #{cases[0].Index}..: compilation failed:\n" + string.Concat(all.Take(12).Select(d => "  " + d + "\n"))));
        return reported;
    }

    private static void AddProbes(List<Probe> probes, OCase c, OStruct s)
    {
        probes.Add(new Probe(c, s, $"sizeof({s.CSpelling})", Array.Empty<(string, int?)>(), ProbeKind.Size));
        probes.Add(new Probe(c, s, $"_Alignof({s.CSpelling})", Array.Empty<(string, int?)>(), ProbeKind.Align));
        Members(probes, c, s, s, new List<(string, int?)>(), "");
        if (s.Flexible is not null)
            probes.Add(new Probe(c, s, $"__builtin_offsetof({s.CSpelling}, Entries)", new (string, int?)[] { ("Entries", null) }, ProbeKind.Offset));
    }

    /// <summary>Offset and size of every member at every depth; for arrays also element 1 (the stride), and into elements that are structs.</summary>
    private static void Members(List<Probe> probes, OCase c, OStruct root, OStruct current, List<(string, int?)> steps, string cPath)
    {
        foreach (var f in current.Fields)
        {
            string path = cPath.Length == 0 ? f.Name : cPath + "." + f.Name;
            var memberSteps = new List<(string, int?)>(steps) { (f.Name, null) };
            Member(probes, c, root, memberSteps, path);
            int length = f.Type switch { FixedType x => x.Length, InlineType x => x.Length, _ => 0 };
            OType? element = f.Type is InlineType inline ? inline.Element : null;
            if (length > 0)
            {
                int index = length > 1 ? 1 : 0;
                var elementSteps = new List<(string, int?)>(steps) { (f.Name, index) };
                string elementPath = $"{path}[{index}]";
                if (length > 1)
                    Member(probes, c, root, elementSteps, elementPath);
                if (element is AggType elementStruct)
                    Members(probes, c, root, elementStruct.Struct, elementSteps, elementPath);
            }
            else if (f.Type is AggType nested)
            {
                Members(probes, c, root, nested.Struct, memberSteps, path);
            }
        }
    }

    private static void Member(List<Probe> probes, OCase c, OStruct root, List<(string, int?)> steps, string path)
    {
        probes.Add(new Probe(c, root, $"__builtin_offsetof({root.CSpelling}, {path})", steps.ToArray(), ProbeKind.Offset));
        probes.Add(new Probe(c, root, $"sizeof((({root.CSpelling} *)0)->{path})", steps.ToArray(), ProbeKind.MemberSize));
    }

    /// <summary>IoctlSharp's value of a probe, from AbiLayout.Of of the probe's top-level type and the nested layouts it links.</summary>
    private static int Compute(Probe probe, AbiTarget target, Func<OStruct, AbiTarget, AbiStructLayout> layoutOf)
    {
        var layout = layoutOf(probe.Type, target);
        if (probe.Kind == ProbeKind.Size) return layout.Size;
        if (probe.Kind == ProbeKind.Align) return layout.Alignment;
        int offset = 0, size = layout.Size;
        AbiStructLayout? current = layout;
        foreach (var (field, index) in probe.Steps)
        {
            var f = current?[field] ?? throw new InvalidOperationException($"{probe.C}: AbiLayout links no nested layout on the way to {field}");
            offset += f.Offset;
            size = f.Size;
            if (index is int i)
            {
                int element = f.Count == 0 ? 0 : f.Size / f.Count;
                offset += i * element;
                size = element;
            }

            current = f.Nested;
        }

        return probe.Kind == ProbeKind.Offset ? offset : size;
    }

    /// <summary>Each batch's generated assembly is loaded apart and unloaded after; IoctlSharp.Runtime is shared with the test.</summary>
    private sealed class OracleLoadContext : AssemblyLoadContext
    {
        public OracleLoadContext() : base("IoctlSharp layout oracle", isCollectible: true) { }

        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}

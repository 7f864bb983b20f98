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
    private const int DefaultTwinCases = 100;
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
        var run = Run(cases, seed, i => RandomDeclarations.Case(seed, i), "layout oracle");
        Assert.True(run.Values >= cases * 4L * Targets.Length, $"only {run.Values} values were compared for {cases} cases");
    }

    /// <summary>
    /// The twins' property, on declarations made to stress it (every helper holds a 64-bit member, and arrays are
    /// mostly arrays of helpers): each i386 twin's .NET size is its <c>SizeOf</c> and gcc -m32's sizeof, and arrays
    /// of twins convert to and from bytes at that stride without touching a neighbour. The layout oracle's other
    /// checks run on them too. IOCTLSHARP_TWIN_CASES changes the count.
    /// </summary>
    [Fact]
    public void I386TwinsOfRandomArraysOfStructsWith64BitMembersAreTheirCSizeAndConvertAtTheCStride()
    {
        int cases = EnvInt("IOCTLSHARP_TWIN_CASES", DefaultTwinCases);
        int seed = EnvInt("IOCTLSHARP_ORACLE_SEED", DefaultSeed);
        var run = Run(cases, seed, i => RandomDeclarations.Case(seed, i, arraysOfWideStructs: true), "twin oracle");
        Assert.True(run.Twins >= cases && run.TwinArrays >= cases / 2 && run.Strided >= cases / 2,
            $"only {run.Twins} twins, {run.TwinArrays} converted as arrays, {run.Strided} holding a 64-bit member in a size not a multiple of 8, for {cases} cases");
    }

    /// <summary>Builds, loads and checks <paramref name="cases"/> cases in parallel batches; fails on any failure, and reports what was compared.</summary>
    private BatchResult Run(int cases, int seed, Func<int, OCase> make, string what)
    {
        var batches = Enumerable.Range(0, (cases + CasesPerBatch - 1) / CasesPerBatch)
            .Select(b => Enumerable.Range(b * CasesPerBatch, Math.Min(CasesPerBatch, cases - b * CasesPerBatch)))
            .ToArray();
        var failures = new ConcurrentBag<Failure>();
        long values = 0, types = 0, twins = 0, twinArrays = 0, strided = 0;

        var watch = Stopwatch.StartNew();
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
        {
            var result = RunBatch(seed, batch.Select(make).ToList());
            Interlocked.Add(ref values, result.Values);
            Interlocked.Add(ref types, result.Types);
            Interlocked.Add(ref twins, result.Twins);
            Interlocked.Add(ref twinArrays, result.TwinArrays);
            Interlocked.Add(ref strided, result.Strided);
            foreach (var f in result.Failures)
                failures.Add(f);
        });
        watch.Stop();

        _output.WriteLine($"{what}: {cases} cases (seed {seed}), {types} types, {values} values compared with gcc "
                          + $"(x86_64 and i386) in {watch.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} threads");
        _output.WriteLine($"i386 twins: {twins} sized (.NET size = SizeOf = gcc -m32 sizeof), {twinArrays} converted as arrays of twins "
                          + $"(bytes -> natives -> bytes), {strided} of them holding a 64-bit member in a size that is not a multiple of 8");
        _output.WriteLine("constructs: " + RandomDeclarations.Census(Enumerable.Range(0, cases).Select(make)));
        var counts = failures.GroupBy(f => f.Kind).OrderBy(g => g.Key)
            .Select(g => $"{g.Select(f => f.Case).Distinct().Count()} {Explain(g.Key)}");
        var shown = failures.OrderBy(f => f.Kind).ThenBy(f => f.Case).Take(3).Select(f => f.Report);
        Assert.True(failures.IsEmpty,
            $"Of {cases} cases (seed {seed}): {string.Join(", ", counts)}. The first:\n\n" + string.Join("\n", shown));
        return new BatchResult(new List<Failure>(), values, types, twins, twinArrays, strided);
    }

    private static string Explain(FailureKind kind) => kind switch
    {
        FailureKind.DiffersFromGcc => "differ from gcc",
        FailureKind.WrongShape => "have layouts whose members are not the declaration's",
        FailureKind.NotNative => "have a .NET layout that is not their C layout on x86_64 (AbiLayout.Native<T>() throws)",
        FailureKind.TwinSize => "have a 32-bit twin whose .NET size is not its C size, or whose arrays do not convert at the C stride",
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
    private enum FailureKind { DiffersFromGcc, WrongShape, NotNative, TwinSize, GeneratorThrew, NotLaidOut }

    private sealed record Failure(int Case, FailureKind Kind, string Report);

    private sealed record BatchResult(List<Failure> Failures, long Values, long Types, long Twins = 0, long TwinArrays = 0, long Strided = 0);

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

            long compared = 0, twinCount = 0, twinArrayCount = 0, strided = 0;
            var sizeProbe = probes.Select((p, i) => (p, i)).Where(x => x.p.Kind == ProbeKind.Size).ToDictionary(x => x.p.Type, x => x.i);
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

                // The twins: .NET's size is the C size (for i386, gcc -m32's sizeof; for arm32, which has no compiler
                // here, the engine's), and arrays of them convert at that stride.
                var twinReport = new StringBuilder();
                foreach (var (s, twinName) in c.Types.SelectMany(t => new[] { (t, "I386"), (t, "Arm32") }))
                {
                    if (clrTypes[s].GetNestedType(twinName) is not { } twin)
                        continue;
                    int dotnet = (int)typeof(System.Runtime.CompilerServices.Unsafe).GetMethod("SizeOf")!.MakeGenericMethod(twin).Invoke(null, null)!;
                    int declared = (int)twin.GetField("SizeOf")!.GetValue(null)!;
                    uint cSize = twinName == "I386" ? gccValues[AbiTarget.I386][sizeProbe[s]] : (uint)LayoutOf(s, AbiTarget.Arm32).Size;
                    if (dotnet != declared || declared != cSize)
                        twinReport.Append($"  {s.Name}.{twinName}: .NET size {dotnet}, SizeOf {declared}, {(twinName == "I386" ? "gcc -m32 sizeof" : "engine's size")} {cSize}\n");
                    bool i386 = twinName == "I386"; // what the counts count
                    if (i386)
                        twinCount++;
                    if (i386 && cSize % 8 != 0 && HasU64(s))
                        strided++; // .NET, left to itself, would align it to 8 and pad an array of it
                    if (!twin.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAbiTwin<,>)))
                        continue; // layout only (a union without a discriminator): nothing to convert
                    var check = (TwinCheck)s_twinArrays.MakeGenericMethod(twin, clrTypes[s]).Invoke(null, new object[] { declared, seed ^ c.Index })!;
                    if (check.Converted && i386)
                        twinArrayCount++;
                    if (check.Failure is not null)
                        twinReport.Append($"  {s.Name}.{twinName} arrays: {check.Failure}\n");
                }

                if (twinReport.Length > 0 && !differs)
                    failures.Add(new Failure(c.Index, FailureKind.TwinSize, Describe(c, seed, "a 32-bit twin is not its C size", twinReport.ToString())));
            }
            return new BatchResult(failures, compared, cases.Except(notLaidOut).Sum(c => c.Types.Count), twinCount, twinArrayCount, strided);
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

    private static readonly MethodInfo s_twinArrays = typeof(LayoutOracleFuzzTests).GetMethod(nameof(TwinArraysRoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Whether the arrays were converted (not every random twin's bytes widen: none here can fail, but a union might), and what went wrong.</summary>
    private sealed record TwinCheck(bool Converted, string? Failure);

    /// <summary>True when a member of <paramref name="s"/>, at any depth, is a 64-bit integer or a double (8-aligned in .NET, 4 in an i386 struct).</summary>
    private static bool HasU64(OStruct s) => s.Fields.Any(f => Leaf(f.Type) switch
    {
        PrimType { P: Prim.U64 or Prim.S64 or Prim.F64 } or FixedType { Element: Prim.U64 or Prim.S64 or Prim.F64 } => true,
        EnumType { Underlying: Prim.U64 or Prim.S64 } => true,
        AggType a => HasU64(a.Struct),
        _ => false,
    });

    private static OType Leaf(OType t) => t is InlineType i ? Leaf(i.Element) : t;

    /// <summary>
    /// 1 to 4 twins of random bytes laid out back to back at the C size <paramref name="size"/>, as a 32-bit peer has
    /// them, with a canary after: widened as a span of bytes, each must equal the one read from its own slot; narrowed
    /// back into a span of bytes and widened again, the same values; and one twin written into its slot must leave
    /// the slots after it alone.
    /// </summary>
    private static TwinCheck TwinArraysRoundTrip<TTwin, T>(int size, int seed)
        where TTwin : unmanaged, IAbiTwin<TTwin, T>
        where T : unmanaged, IAbiStruct<T>
    {
        var random = new Random(seed);
        int n = 1 + random.Next(4);
        var bytes = new byte[n * size + 8];
        random.NextBytes(bytes.AsSpan(0, n * size));
        bytes.AsSpan(n * size).Fill(0xCC);
        var natives = new T[n];
        try
        {
            AbiCompat.ToNative<TTwin, T>(bytes.AsSpan(0, n * size), natives);
        }
        catch (AbiConversionException)
        {
            return new TwinCheck(false, null);
        }
        catch (AbiBufferException e)
        {
            return new TwinCheck(false, $"{n} twins of {size} bytes do not convert from {n * size} bytes: {e.Message}");
        }

        for (int k = 0; k < n; k++)
        {
            var one = AbiCompat.ToNative<TTwin, T>(AbiCompat.Read<TTwin>(bytes.AsSpan(k * size)));
            if (!Bytes(one).SequenceEqual(Bytes(natives[k])))
                return new TwinCheck(true, $"element {k} of {n} converted from the span is not the twin read at offset {k * size}");
        }

        var narrowed = new byte[n * size + 8];
        narrowed.AsSpan().Fill(0xCC);
        AbiCompat.FromNative<TTwin, T>(natives, narrowed.AsSpan(0, n * size));
        var again = new T[n];
        AbiCompat.ToNative<TTwin, T>(narrowed.AsSpan(0, n * size), again);
        for (int k = 0; k < n; k++)
            if (!Bytes(again[k]).SequenceEqual(Bytes(natives[k])))
                return new TwinCheck(true, $"element {k} of {n} does not survive narrowing and widening");

        var written = (byte[])narrowed.Clone();
        AbiCompat.Write(written.AsSpan(0), AbiCompat.Read<TTwin>(narrowed.AsSpan(0)));
        if (!written.AsSpan(size).SequenceEqual(narrowed.AsSpan(size)))
            return new TwinCheck(true, $"writing twin 0 changed bytes after its {size}");
        return new TwinCheck(true, null);
    }

    private static byte[] Bytes<T>(T value) where T : unmanaged
        => System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();

    /// <summary>Each batch's generated assembly is loaded apart and unloaded after; IoctlSharp.Runtime is shared with the test.</summary>
    private sealed class OracleLoadContext : AssemblyLoadContext
    {
        public OracleLoadContext() : base("IoctlSharp layout oracle", isCollectible: true) { }

        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// The generator and the analyzers never fall over: valid declarations are mutated (tokens deleted or duplicated,
/// types swapped, garbage attribute arguments, absurd sizes, structs that contain themselves or nest too deep,
/// 10,000-field structs) with a fixed seed, and for every case: no exception from the generator (no CS8785) or an
/// analyzer (no AD0001), and when the generator emits code for an input without an error, that code compiles.
/// </summary>
public class FuzzTests
{
    /// <summary>Cases per run; IOCTLSHARP_FUZZ_CASES overrides it for a longer local run.</summary>
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("IOCTLSHARP_FUZZ_CASES"), out int n) && n > 0 ? n : 5000;

    private const int Seed = 20261122;

    private static readonly CSharpCompilationOptions Options =
        new(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable);

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void MutatedDeclarationsNeverBreakTheGeneratorOrTheAnalyzers()
    {
        var references = Harness.Compile().References.ToImmutableArray();
        var generator = new IoctlGenerator().AsSourceGenerator();
        var analyzers = Harness.AllAnalyzers();
        var failures = new ConcurrentBag<(int Case, string Why, string Source)>();
        var times = new long[Cases];
        int emitted = 0, compiled = 0;

        var total = Stopwatch.StartNew();
        Parallel.For(0, Cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            string source = Mutator.Case(Seed, i);
            var watch = Stopwatch.StartNew();
            var (why, didEmit, didCompile) = Check(i, source, references, generator, analyzers);
            times[i] = watch.ElapsedTicks;
            if (didEmit) Interlocked.Increment(ref emitted);
            if (didCompile) Interlocked.Increment(ref compiled);
            if (why is not null)
                failures.Add((i, why, source));
        });
        total.Stop();

        int slowest = Array.IndexOf(times, times.Max());
        _output.WriteLine($"fuzz: {Cases} cases (seed {Seed}) in {total.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} threads; "
                          + $"the generator emitted code for {emitted}, of which {compiled} had no input error and were compiled");
        _output.WriteLine($"fuzz: slowest case #{slowest}: {times[slowest] * 1000.0 / Stopwatch.Frequency:F0} ms ({Mutator.Describe(Seed, slowest)})");
        var report = failures.OrderBy(f => f.Case).Take(5)
            .Select(f => $"case #{f.Case} ({Mutator.Describe(Seed, f.Case)}): {f.Why}\n--- source ---\n{f.Source}\n");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {Cases} cases failed:\n" + string.Join("\n", report));
    }

    /// <summary>Null when the case passes, else why it failed; and whether code was emitted and compiled.</summary>
    /// <remarks>
    /// The analyzers run on the input (cheap: no generated code to bind) for every case, and on the output with the
    /// generated code, as in an IDE, for every case whose output is compiled and for one case in ten besides.
    /// </remarks>
    internal static (string? Why, bool Emitted, bool Compiled) Check(int index, string source, ImmutableArray<MetadataReference> references,
        ISourceGenerator generator, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var tree = CSharpSyntaxTree.ParseText(source, Harness.ParseOptions, path: "Fuzz.cs");
        var input = CSharpCompilation.Create("Fuzz", new[] { tree }, references, Options);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { generator }, parseOptions: Harness.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        if (run.Results.FirstOrDefault(r => r.Exception is not null).Exception is { } thrown)
            return ("the generator threw " + thrown, false, false);
        if (generatorDiagnostics.FirstOrDefault(d => d.Id == "CS8785") is { } cs8785)
            return ("CS8785: " + cs8785.GetMessage(), false, false);

        // The front door, for every case whose own code compiles but for the members the generator must write
        // (CS8795, and CS0636 for a union's [FieldOffset]s), valid or not as a declaration: with the generated code
        // the compiler finds no error at all, so a command-line build runs the analyzers and shows the ISH error.
        if (!input.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error && d.Id is not ("CS8795" or "CS0636"))
            && output.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && !InTypeNoGeneratorCanComplete(d)) is { } hidden)
            return ("the compiler's error would hide the analyzer's: " + hidden, run.GeneratedTrees.Length > 0, false);

        var (inputDiagnostics, inputFailure) = Analyze(input, analyzers);
        if (inputFailure is not null)
            return (inputFailure, false, false);
        bool emitted = run.GeneratedTrees.Length > 0;
        // CS8795: a partial method without its implementation, which is the generator's to write.
        bool clean = !inputDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795");
        if (!(emitted && clean) && index % 10 != 0)
            return (null, emitted, false);

        var (outputDiagnostics, outputFailure) = Analyze(output, analyzers);
        if (outputFailure is not null)
            return (outputFailure, emitted, false);
        if (!(emitted && clean))
            return (null, emitted, false);
        var errors = outputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count == 0 ? (null, true, true)
            : ("the generated code does not compile:\n" + string.Join("\n", errors.Take(5)), true, true);
    }

    /// <summary>
    /// CS0636 on a union that is not partial: no generator can add the explicit layout to it (ISH101 says why in
    /// the IDE; README lists this exception).
    /// </summary>
    private static bool InTypeNoGeneratorCanComplete(Diagnostic d)
        => d.Id == "CS0636" && d.Location.SourceTree?.GetRoot().FindNode(d.Location.SourceSpan)
            .AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>().FirstOrDefault() is { } type
           && !type.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword));

    /// <summary>The compiler's and the analyzers' diagnostics in one pass, or why the analyzers failed.</summary>
    private static (ImmutableArray<Diagnostic> Diagnostics, string? Failure) Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Enqueue(e),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var all = withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (exceptions.TryPeek(out var analyzerException))
            return (all, "an analyzer threw " + analyzerException);
        if (all.FirstOrDefault(d => d.Id is "AD0001" or "CS8785") is { } failure)
            return (all, failure.Id + ": " + failure.GetMessage());
        return (all, null);
    }
}

/// <summary>Builds fuzz case <c>i</c> from the seed alone, so any case can be rebuilt and described on its own.</summary>
internal static class Mutator
{
    private const string Usings = "using System;\nusing System.Runtime.InteropServices;\nusing System.Runtime.CompilerServices;\nusing IoctlSharp;\nnamespace Fuzz;\n";

    /// <summary>Valid declarations covering every kind of member and request the generator knows.</summary>
    private static readonly string[] Templates =
    {
        """
        [AbiStruct(ExpectedSize = 24)]
        public partial struct UffdioApi { public ulong Api; public ulong Features; public ulong Ioctls; }

        [AbiStruct(ExpectedSize = 32)]
        public partial struct Region { public uint Slot; public uint Flags; public ulong GuestPhysAddr; public ulong MemorySize; public ulong UserspaceAddr; }

        [IoctlGroup(0xAA)]
        public static partial class Userfaultfd
        {
            [IoctlReadWrite(0x3F, Name = "UFFDIO_API")] public static partial void Api(SafeHandle fd, ref UffdioApi api);
            [IoctlWrite(0x46)] public static partial void SetRegion(SafeHandle fd, in Region region);
            [IoctlRead(0x47)] public static partial int GetRegion(SafeHandle fd, out Region region);
        }
        """,
        """
        [AbiStruct(ExpectedSize = 24)]
        public partial struct KvmSegment { public ulong Base; public uint Limit; public ushort Selector; public byte Type, Present, Dpl, Db, S, L, G, Avl, Unusable, Padding; }

        [AbiStruct(ExpectedSize = 16)]
        public unsafe partial struct KvmDtable { public ulong Base; public ushort Limit; public fixed ushort Padding[3]; }

        [AbiStruct]
        public unsafe partial struct Sregs { public KvmSegment Cs; public KvmDtable Gdt; public ulong Cr0; public fixed ulong InterruptBitmap[5]; }

        [AbiStruct(ExpectedSize = 16)]
        public partial struct KvmMsrEntry { public uint Index; public uint Reserved; public ulong Data; }

        [AbiStruct(ExpectedSize = 8), FlexibleArray(typeof(KvmMsrEntry))]
        public partial struct KvmMsrs { public uint Nmsrs; public uint Pad; }

        [IoctlGroup(0xAE)]
        public static partial class Kvm
        {
            [IoctlNone(0x00, Name = "KVM_GET_API_VERSION")] public static partial int GetApiVersion(SafeHandle kvm);
            [IoctlNone(0x03)] public static partial int CheckExtension(SafeHandle kvm, int extension);
            [IoctlRead(0x83)] public static partial void GetSregs(SafeHandle vcpu, out Sregs sregs);
            [IoctlReadWrite(0x88)] public static partial int GetMsrs(SafeHandle vcpu, ref KvmMsrs msrs);
        }
        """,
        """
        [AbiUnion(Pack = 1)]
        public partial struct LinearAddress { [FieldOffset(0)] public nuint PhysAddr; [FieldOffset(0)] public nuint LinearAddr; }

        [AbiStruct(Pack = 1)]
        public partial struct PointerParameter { public uint Size; public LinearAddress U; }

        [AbiUnion(Pack = 1)]
        public partial struct ParameterUnion { [FieldOffset(0)] public uint Value32; [FieldOffset(0)] public ulong Value64; [FieldOffset(0)] public PointerParameter Pointer; }

        public enum ParameterType : uint { Invalid = 0, Bit32 = 1, Bit64 = 2 }

        [AbiStruct(Pack = 1, ExpectedSize32 = 12, ExpectedSize64 = 16, CName = "vmmdev_hgcm_function_parameter")]
        public partial struct HgcmFunctionParameter { public ParameterType Type; public ParameterUnion U; }

        [IoctlGroup('V')]
        public static partial class Vbg
        {
            [Ioctl(IoctlDirection.ReadWrite, 7, SizeAtCall = true, Name = "VBG_IOCTL_HGCM_CALL_64")] public static partial void HgcmCall64(SafeHandle vbg, Span<byte> call);
            [Ioctl(IoctlDirection.Write, 9, SizeAtCall = true)] internal static partial int Log(SafeHandle vbg, ReadOnlySpan<byte> message);
            [IoctlReadWrite(8)] public static partial void Parameter(SafeHandle vbg, ref HgcmFunctionParameter parameter);
        }
        """,
        """
        [AbiStruct(ExpectedSize32 = 24, ExpectedSize64 = 32)]
        public unsafe partial struct PrivcmdMmapbatchV2 { public uint Num; public ushort Dom; public ulong Addr; public CULong* Arr; public int* Err; }

        [AbiStruct(ExpectedSize32 = 12, ExpectedSize64 = 24)]
        public partial struct Longs { public CLong Signed; public CULong Unsigned; public nuint Size; }

        [InlineArray(2)]
        public struct TwoLongs { private Longs _element; }

        [AbiStruct]
        public partial struct LongPair { [AbiAlign(8)] public ulong Tag; public TwoLongs Items; }

        [IoctlGroup('P')]
        public static partial class Privcmd
        {
            [Ioctl(IoctlDirection.None, 4, Name = "IOCTL_PRIVCMD_MMAPBATCH_V2")] public static partial void MmapBatchV2(SafeHandle privcmd, ref PrivcmdMmapbatchV2 batch);
            [Ioctl(IoctlDirection.None, 6, Size = 2)] public static partial void Restrict(SafeHandle privcmd, ref ushort domid);
            [IoctlWrite(0x84)] public static unsafe partial void Raw(SafeHandle fd, LongPair* pair);
        }

        [IoctlGroup('f')]
        public static partial class Fs
        {
            [IoctlRead(1, SizeOf = typeof(CLong), Name = "FS_IOC_GETFLAGS")] public static partial void GetFlags(SafeHandle file, out int flags);
            [IoctlNone(2)] public static partial int Version(SafeHandle file, nuint argument);
        }
        """,
        """
        [AbiUnion]
        public partial struct Value { [FieldOffset(0)] public uint Value32; [FieldOffset(0)] public ulong Value64; [FieldOffset(0)] public double Real; }

        [AbiStruct(ExpectedSize64 = 16, AllowAbiDifferences = true)]
        public partial struct Tagged { public uint Type; public Value U; }

        [AbiStruct(Align = 16), FlexibleArray(typeof(ulong), Name = "Pages")]
        public partial struct PageList { public uint Count; public short Flags; public sbyte Small; public bool Done; public float Ratio; }

        public enum Mode : byte { A, B }

        [AbiStruct]
        public partial struct WithEnum { public Mode Mode; [AbiPacked] public uint Packed; public long Signed; }

        [IoctlGroup(';')]
        public static partial class Vfio
        {
            [IoctlNone(100 + 13, Name = "VFIO_IOMMU_MAP_DMA")] public static partial void MapDma(SafeHandle container, ref Tagged map);
            [IoctlRead(1)] public static partial void Get(SafeHandle fd, out PageList list);
            [IoctlWrite(2)] public static partial void Set(SafeHandle fd, in WithEnum value);
        }
        """,
    };

    private static readonly string[] Types =
    {
        "byte", "sbyte", "ushort", "short", "uint", "int", "ulong", "long", "float", "double", "bool", "char", "string",
        "object", "decimal", "nint", "nuint", "CLong", "CULong", "void*", "int*", "delegate*<void>", "Span<byte>",
        "ReadOnlySpan<byte>", "DateTime", "Guid", "Mode", "Value", "Tagged", "UffdioApi", "KvmSegment", "Sregs",
        "HgcmFunctionParameter", "TwoLongs", "RecA", "Missing", "int?", "(int, int)", "dynamic", "SafeHandle",
    };

    private static readonly string[] Garbage =
    {
        "-1", "0", "1", "3", "7", "255", "256", "0x3FFF", "0x4000", "8191", "8192", "16383", "16384", "int.MaxValue",
        "int.MinValue", "1 << 20", "\"x\"", "null", "typeof(string)", "typeof(Fuzz.RecA)", "typeof(void)", "typeof(int*)",
        "typeof(Span<byte>)", "IoctlDirection.ReadWrite", "(IoctlDirection)7", "(IoctlDirection)(-1)", "'V'", "1.5", "true",
        "Size = -5", "Size = 0", "SizeAtCall = true", "SizeOf = typeof(CLong)", "SizeOf = typeof(Sregs)", "ExpectedSize = 3",
        "ExpectedSize = -8", "Pack = 16", "Pack = 5", "Align = 4096", "Align = 8192", "Align = 3", "Name = \"\"",
        "Name = \"A\\\"B*/\"", "CName = null", "CName = \"*/ evil\"", "AllowAbiDifferences = true", "Name = \"Entries\"",
    };

    private static readonly string[] Absurd =
    {
        "0", "-1", "1", "2", "8191", "8192", "16383", "16384", "65536", "1 << 20", "1 << 28", "300000000", "int.MaxValue",
    };

    /// <summary>Field types and attribute arguments that keep a declaration valid, so the output gets compiled often.</summary>
    private static readonly string[] ValidTypes =
    {
        "byte", "sbyte", "ushort", "short", "uint", "int", "ulong", "long", "float", "double", "nint", "nuint", "CLong", "CULong", "Mode",
    };

    private static readonly string[] ValidArguments = { "Pack = 1", "Pack = 2", "Pack = 8", "Align = 8", "Align = 16", "AllowAbiDifferences = true", "CName = \"renamed\"" };

    private static readonly string[] Modifiers = { "ref ", "in ", "out ", "ref readonly ", "", "scoped ", "params " };

    private enum Operation
    {
        DeleteToken,
        DuplicateToken,
        SwapType,
        GarbageArgument,
        AbsurdNumber,
        SwapModifier,
        Recursion,
        DuplicateLine,
        DeepNesting,
        HugeStruct,
        ValidType,
        ValidArgument,
    }

    public static string Case(int seed, int index) => Build(seed, index).Source;

    public static string Describe(int seed, int index)
    {
        var (_, template, operations) = Build(seed, index);
        return $"template {template}: {string.Join(", ", operations)}";
    }

    private static (string Source, int Template, List<Operation> Operations) Build(int seed, int index)
    {
        var rng = new Random(unchecked(seed * 7919 + index));
        int template = rng.Next(Templates.Length);
        string source = Templates[template];
        var operations = new List<Operation>();
        int count = 1 + rng.Next(3);
        if (index % 1250 == 7)
        {
            // Four cases in 5,000 add the 10,000-field struct: compiling its output costs seconds.
            operations.Add(Operation.HugeStruct);
            return (Usings + Apply(Operation.HugeStruct, source, rng), template, operations);
        }

        if (rng.Next(4) == 0)
        {
            // A quarter of the cases stay valid: their generated code must compile.
            for (int k = 0; k < count; k++)
            {
                var benign = rng.Next(2) == 0 ? Operation.ValidType : Operation.ValidArgument;
                operations.Add(benign);
                source = Apply(benign, source, rng);
            }

            return (Usings + source + (source.Contains("enum Mode") ? "" : "\npublic enum Mode : byte { A, B }\n"), template, operations);
        }

        for (int k = 0; k < count; k++)
        {
            // Long nesting chains generate a lot of code to compile: they are rare.
            var operation = rng.Next(250) == 0 ? Operation.DeepNesting : (Operation)rng.Next((int)Operation.DeepNesting);
            operations.Add(operation);
            source = Apply(operation, source, rng);
        }

        return (Usings + source, template, operations);
    }

    private static string Apply(Operation operation, string source, Random rng)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        switch (operation)
        {
            case Operation.DeleteToken:
            {
                var token = tokens[rng.Next(tokens.Count)];
                return Replace(source, token.Span, "");
            }
            case Operation.DuplicateToken:
            {
                var token = tokens[rng.Next(tokens.Count)];
                return Replace(source, new TextSpan(token.Span.End, 0), " " + token.Text);
            }
            case Operation.SwapType:
            {
                var types = root.DescendantNodes().OfType<TypeSyntax>()
                    .Where(t => t is PredefinedTypeSyntax or IdentifierNameSyntax or PointerTypeSyntax && t.Parent is VariableDeclarationSyntax or ParameterSyntax or TypeOfExpressionSyntax or PointerTypeSyntax)
                    .ToList();
                if (types.Count == 0)
                    return source;
                return Replace(source, types[rng.Next(types.Count)].Span, Types[rng.Next(Types.Length)]);
            }
            case Operation.GarbageArgument:
            {
                var attributes = root.DescendantNodes().OfType<AttributeSyntax>().ToList();
                var attribute = attributes[rng.Next(attributes.Count)];
                string garbage = Garbage[rng.Next(Garbage.Length)];
                if (attribute.ArgumentList is not { Arguments.Count: > 0 } list)
                    return Replace(source, new TextSpan(attribute.Span.End, 0), "(" + garbage + ")");
                var argument = list.Arguments[rng.Next(list.Arguments.Count)];
                return rng.Next(3) switch
                {
                    0 => Replace(source, new TextSpan(list.Arguments.Span.End, 0), ", " + garbage),
                    1 when argument.NameEquals is not null && !garbage.Contains('=') => Replace(source, argument.Expression.Span, garbage),
                    _ => Replace(source, argument.Span, garbage),
                };
            }
            case Operation.AbsurdNumber:
            {
                var numbers = tokens.Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
                if (numbers.Count == 0)
                    return source;
                return Replace(source, numbers[rng.Next(numbers.Count)].Span, Absurd[rng.Next(Absurd.Length)]);
            }
            case Operation.SwapModifier:
            {
                var parameters = root.DescendantNodes().OfType<ParameterSyntax>().Where(p => p.Type is not null).ToList();
                if (parameters.Count == 0)
                    return source;
                var parameter = parameters[rng.Next(parameters.Count)];
                return Replace(source, TextSpan.FromBounds(parameter.SpanStart, parameter.Type!.SpanStart), Modifiers[rng.Next(Modifiers.Length)]);
            }
            case Operation.Recursion:
                return source + (rng.Next(3) switch
                {
                    0 => "\n[AbiStruct] public partial struct RecA { public RecB B; }\n[AbiStruct] public partial struct RecB { public uint X; public RecA A; }\n",
                    1 => "\n[InlineArray(2)] public struct RecArr { private RecA _e; }\n[AbiStruct] public partial struct RecA { public uint X; public RecArr Items; }\n",
                    _ => "\n[AbiStruct, FlexibleArray(typeof(RecA))] public partial struct RecA { public uint X; }\n",
                });
            case Operation.DeepNesting:
            {
                int depth = 60 + rng.Next(8);
                var sb = new StringBuilder("\n[AbiStruct] public partial struct Deep0 { public uint X; }\n");
                for (int d = 1; d <= depth; d++)
                    sb.Append("[AbiStruct] public partial struct Deep").Append(d).Append(" { public Deep").Append(d - 1).Append(" Inner; }\n");
                sb.Append("[IoctlGroup(0x10)] public static partial class DeepGroup { [IoctlRead(1)] public static partial void Get(SafeHandle fd, out Deep")
                  .Append(depth).Append(" deep); }\n");
                return source + sb;
            }
            case Operation.ValidType:
            {
                var fields = root.DescendantNodes().OfType<FieldDeclarationSyntax>()
                    .Where(f => !f.Modifiers.Any(m => m.IsKind(SyntaxKind.FixedKeyword) || m.IsKind(SyntaxKind.PrivateKeyword))
                                && f.Parent is StructDeclarationSyntax { AttributeLists.Count: > 0 })
                    .ToList();
                if (fields.Count == 0)
                    return source;
                return Replace(source, fields[rng.Next(fields.Count)].Declaration.Type.Span, ValidTypes[rng.Next(ValidTypes.Length)]);
            }
            case Operation.ValidArgument:
            {
                var attributes = root.DescendantNodes().OfType<AttributeSyntax>()
                    .Where(a => a.Name.ToString() is "AbiStruct" or "AbiUnion" && a.ArgumentList is null or { Arguments.Count: 0 }).ToList();
                if (attributes.Count == 0)
                    return source;
                return Replace(source, new TextSpan(attributes[rng.Next(attributes.Count)].Span.End, 0), "(" + ValidArguments[rng.Next(ValidArguments.Length)] + ")");
            }
            case Operation.DuplicateLine:
            {
                var lines = source.Split('\n').ToList();
                int line = rng.Next(lines.Count);
                lines.Insert(line, lines[line]);
                return string.Join("\n", lines);
            }
            default:
            {
                var sb = new StringBuilder("\n[AbiStruct] public partial struct Huge\n{\n");
                string[] fieldTypes = { "byte", "ushort", "uint", "ulong" };
                for (int f = 0; f < 10_000; f++)
                    sb.Append("    public ").Append(fieldTypes[(f * 7 + 3) % fieldTypes.Length]).Append(" F").Append(f).Append(";\n");
                sb.Append("}\n");
                if (rng.Next(2) == 0)
                    sb.Append("[IoctlGroup(0x11)] public static partial class HugeGroup { [IoctlRead(1)] public static partial void Get(SafeHandle fd, out Huge huge); }\n");
                return source + sb;
            }
        }
    }

    private static string Replace(string source, TextSpan span, string text)
        => source.Substring(0, span.Start) + text + source.Substring(span.End);
}

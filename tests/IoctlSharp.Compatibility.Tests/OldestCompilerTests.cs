using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace IoctlSharp.Compatibility.Tests;

/// <summary>
/// The generator and the analyzers are built against Microsoft.CodeAnalysis 4.8 so that the .NET 8 SDK's compiler
/// can load them: here that compiler hosts them, loaded from files as csc loads /analyzer: arguments, beside the
/// code-fix assembly (built against Workspaces 4.14, which this host does not have).
/// </summary>
public class OldestCompilerTests
{
    private const string Source = """
        using System.Runtime.InteropServices;
        using IoctlSharp;
        namespace Consumer;
        [AbiStruct(ExpectedSize = 24)] public partial struct UffdioApi { public ulong Api; public ulong Features; public ulong Ioctls; }
        [AbiStruct(ExpectedSize = 4)] public partial struct Wrong { public ulong X; }
        [IoctlGroup(0xAA)] public static partial class Userfaultfd
        {
            [IoctlReadWrite(0x3F, Name = "UFFDIO_API")] public static partial void Api(SafeHandle fd, ref UffdioApi api);
        }
        """;

    [Fact]
    public void TheHostIsTheOldestSupportedCompiler()
        => Assert.Equal(new Version(4, 8, 0, 0), typeof(CSharpCompilation).Assembly.GetName().Version);

    [Fact]
    public async Task RoslynFourEightRunsTheGeneratorAndTheAnalyzersFromTheirFolder()
    {
        var loader = new FolderLoader();
        var references = Components().Select(path => new AnalyzerFileReference(path, loader)).ToList();
        var failures = new List<string>();
        foreach (var reference in references)
            reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{Path.GetFileName(reference.FullPath)}: {e.ErrorCode} {e.Message}");

        var generators = references.SelectMany(r => r.GetGenerators(LanguageNames.CSharp)).ToImmutableArray();
        var analyzers = references.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        Assert.Equal("IoctlGenerator", Assert.Single(generators).GetGeneratorType().Name);
        Assert.Equal(3, analyzers.Length);
        // The code-fix assembly holds no analyzer or generator, so the host never needs its Workspaces dependency.
        Assert.Empty(failures);

        var compilation = CSharpCompilation.Create("Consumer",
            new[] { CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            FrameworkReferences().Append(MetadataReference.CreateFromFile(typeof(AbiStructAttribute).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var driver = CSharpGeneratorDriver.Create(generators, parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var run = driver.GetRunResult();
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.Empty(generatorDiagnostics);
        var api = run.GeneratedTrees.Single(t => t.FilePath.EndsWith("Consumer.UffdioApi.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("public const int SizeOf = 24;", api);
        var group = run.GeneratedTrees.Single(t => t.FilePath.EndsWith("Consumer.Userfaultfd.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("0xC018AA3F", group); // _IOWR(0xAA, 0x3F, struct uffdio_api) on x86_64

        // The output compiles apart from the declaration the analyzers reject, and they reject it.
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var reported = await output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        var ish103 = Assert.Single(reported, d => d.Id == "ISH103");
        Assert.Contains("'Wrong'", ish103.GetMessage());
    }

    /// <summary>The shipped assemblies, from the build output the package takes them from.</summary>
    private static IEnumerable<string> Components()
    {
        string root = RepositoryRoot();
        string configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        foreach (var (folder, name) in new[]
                 {
                     ("Generators/Core", "IoctlSharp.Generators.Core"), ("Generators", "IoctlSharp.Generators"),
                     ("Analyzers", "IoctlSharp.Analyzers"), ("CodeFixes", "IoctlSharp.CodeFixes"),
                 })
        {
            string path = Path.Combine(root, folder, "bin", configuration, "netstandard2.0", name + ".dll");
            Assert.True(File.Exists(path), $"{path} was not built");
            yield return path;
        }
    }

    private static IEnumerable<MetadataReference> FrameworkReferences()
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IoctlSharp.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No IoctlSharp.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Loads an analyzer assembly and its dependencies from the folder it sits in, as the compiler does.</summary>
    private sealed class FolderLoader : IAnalyzerAssemblyLoader
    {
        private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);

        public FolderLoader() => AppDomain.CurrentDomain.AssemblyResolve += (_, e) =>
        {
            string name = new AssemblyName(e.Name).Name!;
            lock (_loaded)
                return _loaded.Values.FirstOrDefault(a => a.GetName().Name == name)
                       ?? Components().Where(p => Path.GetFileNameWithoutExtension(p) == name).Select(LoadFromPath).FirstOrDefault();
        };

        public void AddDependencyLocation(string fullPath) { }

        public Assembly LoadFromPath(string fullPath)
        {
            lock (_loaded)
            {
                if (!_loaded.TryGetValue(fullPath, out var assembly))
                    _loaded[fullPath] = assembly = Assembly.LoadFrom(fullPath);
                return assembly;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace IoctlSharp.Package.Tests;

/// <summary>
/// The IoctlSharp package as a user gets it: packed from the repository, restored from a local folder feed into a
/// fresh project (a PackageReference, with a fresh package cache so no stale copy is used), built, and run against
/// the real /dev/kvm. The steps are README's "Install" section, its files read from README itself. Packed twice, the package's
/// assemblies are the same bytes (deterministic builds), and its symbols package carries Source Link.
/// </summary>
public class PackageTests
{
    // README's Install section is the test's script: its nuget.config (pointed at the feed), its project file (with
    // the version just packed) and its Program.cs are read from README.md, never copied here, so they cannot drift.
    private static string ReadmeBlock(string readme, string language, int index)
    {
        var blocks = System.Text.RegularExpressions.Regex.Matches(readme.Replace("\r", ""),
            @"^(?<indent> *)```" + language + @"\n(?<body>.*?)^\k<indent>```", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.Singleline);
        var block = blocks[index];
        int indent = block.Groups["indent"].Length;
        return string.Join("\n", block.Groups["body"].Value.Split('\n').Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    // Mistakes a user makes, each of which used to reach a command-line build only as CS8795 or CS0636 (the compiler
    // runs no analyzer on a compilation that already has errors), and two types whose names differ only in case,
    // which used to make the generator throw (CS8785).
    private const string FrontDoor = """
        using System.Runtime.InteropServices;
        using IoctlSharp;

        [AbiStruct] public partial struct HasString { public string Name; }                  // ISH102

        [AbiUnion] public partial struct Shifted { [FieldOffset(4)] public uint A; [FieldOffset(0)] public ulong B; } // ISH107

        [IoctlGroup(0xAF)]
        public static partial class Uses
        {
            [IoctlReadWrite(0x01)] public static partial void Take(SafeHandle fd, ref HasString s);   // ISH206
            [IoctlNone(0x02)] public static partial int Generic<T>(SafeHandle fd) where T : struct;    // ISH201
        }

        [IoctlGroup(256)]                                                                       // ISH106
        public static partial class BadByte { [IoctlNone(0x01)] public static partial int Get(SafeHandle fd); }

        public static partial class NoGroup { [IoctlNone(0x01)] public static partial int Get(SafeHandle fd); } // ISH202

        [AbiStruct] public partial struct FsXAttr { public uint A; }
        [AbiStruct] public partial struct FsXattr { public uint B; }
        """;

    [Fact]
    public void ThePackedPackageRestoresBuildsAndIssuesARealIoctl()
    {
        string root = RepositoryRoot();
        string temp = Directory.CreateTempSubdirectory("ioctlsharp-package-").FullName;
        try
        {
            // 1. Pack at the root, as README says, into a folder that serves as the feed: one package, no other.
            string feed = Path.Combine(temp, "packages");
            Run(root, "dotnet", "pack", "-c", "Release", "-o", feed);
            string package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
            string version = Path.GetFileNameWithoutExtension(package)["IoctlSharp.".Length..];
            AssertVersionFromGit(root, version);
            AssertPackageContents(package);
            string symbols = Assert.Single(Directory.GetFiles(feed, "*.snupkg"));
            Assert.Equal($"IoctlSharp.{version}.snupkg", Path.GetFileName(symbols));
            AssertSourceLink(package, symbols, Run(root, "git", "rev-parse", "HEAD").Trim());

            // Deterministic: every assembly, PDB and doc file of a second pack, compiled again from scratch, is
            // byte for byte the first one's.
            string again = Path.Combine(temp, "packages-again");
            Run(root, "dotnet", "msbuild", "nuget/IoctlSharp.csproj", "-restore", "-t:Rebuild;Pack", "-p:Configuration=Release", "-p:PackageOutputPath=" + again);
            AssertSameBytes(package, Path.Combine(again, Path.GetFileName(package)));
            AssertSameBytes(symbols, Path.Combine(again, Path.GetFileName(symbols)));

            // 2. A fresh consumer, restored through nuget.config from the feed (and the machine's default source).
            string consumer = Path.Combine(temp, "consumer");
            Directory.CreateDirectory(consumer);
            string readme = File.ReadAllText(Path.Combine(root, "README.md"));
            string nugetConfig = ReadmeBlock(readme, "xml", 0);
            string projectFile = ReadmeBlock(readme, "xml", 1);
            Assert.Contains("/path/to/IoctlSharp/artifacts/packages", nugetConfig);
            Assert.Contains("Version=\"0.1.0-*\"", projectFile);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), nugetConfig.Replace("/path/to/IoctlSharp/artifacts/packages", feed));
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), projectFile.Replace("Version=\"0.1.0-*\"", $"Version=\"{version}\""));
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), ReadmeBlock(readme, "csharp", 0));

            // 3. Build and run: the generated wrapper issues KVM_GET_API_VERSION on the real /dev/kvm.
            string output = Run(consumer, "dotnet", "run");
            Assert.Contains("KVM_GET_API_VERSION = 12", output);
            Assert.Contains("sizeof(struct uffdio_api) on i386 = 24", output);
            Assert.True(Directory.Exists(Path.Combine(temp, "nuget-packages", "ioctlsharp", version)), "restored from the fresh cache");

            // 4. The analyzers came with it: a contradicting declaration is a compile error.
            File.WriteAllText(Path.Combine(consumer, "Bad.cs"),
                "[IoctlSharp.AbiStruct(ExpectedSize = 4)] public partial struct Bad { public ulong X; }");
            string failure = Run(consumer, expectFailure: true, "dotnet", "build");
            Assert.Contains("error ISH103", failure);

            // 5. The front door never hides: declarations the generator rejects, in an ordinary command-line build,
            //    show their ISH errors, and no compiler error (which would stop the analyzers from running) stands in.
            File.WriteAllText(Path.Combine(consumer, "Bad.cs"), FrontDoor);
            failure = Run(consumer, expectFailure: true, "dotnet", "build", "--no-incremental");
            foreach (var id in new[] { "ISH102", "ISH107", "ISH106", "ISH201", "ISH202", "ISH206" })
                Assert.Contains("error " + id, failure);
            Assert.DoesNotMatch(@"error CS\d{4}", failure);

            // 6. The package's props hand IoctlSharpAdviceAnalyzers to the analyzers: advice (here ISH120 on a bool
            //    member) is reported by default and not at all with the switch off.
            File.WriteAllText(Path.Combine(consumer, "Bad.cs"), "[IoctlSharp.AbiStruct(ExpectedSize = 1)] public partial struct Flag { public bool On; }");
            Assert.Contains("warning ISH120", Run(consumer, "dotnet", "build", "--no-incremental"));
            Assert.DoesNotContain("ISH120", Run(consumer, "dotnet", "build", "--no-incremental", "-p:IoctlSharpAdviceAnalyzers=false"));

            // 7. The sample in the package's own README (what a gallery shows) builds and runs as written.
            File.Delete(Path.Combine(consumer, "Bad.cs"));
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), ReadmeBlock(File.ReadAllText(Path.Combine(root, "nuget", "README.md")), "csharp", 0));
            Assert.Contains("12", Run(consumer, "dotnet", "run"));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>
    /// The version comes from git (MinVer): a tagged commit packs its tag's version; any other commit, and a clone
    /// without tags, a prerelease of the next version with the commit's height, so a rebuilt package from a new
    /// commit never meets a stale copy in a package cache.
    /// </summary>
    private static void AssertVersionFromGit(string root, string version)
    {
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z]+(\.[0-9A-Za-z]+)*)?$", version);
        string tags = Run(root, "git", "tag", "--points-at", "HEAD", "--list", "v*").Trim();
        if (tags.Length == 0)
            Assert.Matches(@"^0\.1\.0-alpha\.0\.[1-9]\d*$", version);
        else
            Assert.Contains("v" + version, tags.Split('\n'));
    }

    /// <summary>The runtime's PDB (in the .snupkg) and the compiler components' embedded PDBs map their sources to the commit.</summary>
    private static void AssertSourceLink(string package, string symbols, string commit)
    {
        using var symbolZip = ZipFile.OpenRead(symbols);
        Assert.Contains("lib/net8.0/IoctlSharp.Runtime.pdb", symbolZip.Entries.Select(e => e.FullName));
        using (var pdb = new MemoryStream())
        {
            using (var entry = symbolZip.GetEntry("lib/net8.0/IoctlSharp.Runtime.pdb")!.Open())
                entry.CopyTo(pdb);
            pdb.Position = 0;
            using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
            Assert.Contains($"/{commit}/*", SourceLinkOf(provider.GetMetadataReader()));
        }

        using var zip = ZipFile.OpenRead(package);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal));
        foreach (var name in new[] { "IoctlSharp.Generators", "IoctlSharp.Generators.Core", "IoctlSharp.Analyzers", "IoctlSharp.CodeFixes" })
        {
            using var dll = new MemoryStream();
            using (var entry = zip.GetEntry($"analyzers/dotnet/cs/{name}.dll")!.Open())
                entry.CopyTo(dll);
            dll.Position = 0;
            using var pe = new PEReader(dll);
            var embedded = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
            Assert.Contains($"/{commit}/*", SourceLinkOf(provider.GetMetadataReader()));
        }
    }

    private static string SourceLinkOf(MetadataReader pdb)
    {
        var sourceLink = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        var handle = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Single(h => pdb.GetGuid(pdb.GetCustomDebugInformation(h).Kind) == sourceLink);
        return System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(pdb.GetCustomDebugInformation(handle).Value));
    }

    /// <summary>Every file of the two packages but NuGet's own bookkeeping (which holds a random id) is the same bytes.</summary>
    private static void AssertSameBytes(string first, string second)
    {
        static Dictionary<string, byte[]> Files(string path)
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.Entries.Where(e => !e.FullName.StartsWith("package/", StringComparison.Ordinal) && !e.FullName.StartsWith("_rels/", StringComparison.Ordinal))
                .ToDictionary(e => e.FullName, e =>
                {
                    using var stream = e.Open();
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    return copy.ToArray();
                });
        }

        var a = Files(first);
        var b = Files(second);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.Contains(a.Keys, k => k.EndsWith(".dll", StringComparison.Ordinal) || k.EndsWith(".pdb", StringComparison.Ordinal));
        foreach (var (name, bytes) in a)
            Assert.True(bytes.AsSpan().SequenceEqual(b[name]), $"{name} differs between two packs of the same commit");
    }

    private static void AssertPackageContents(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var expected in new[]
                 {
                     "lib/net8.0/IoctlSharp.Runtime.dll", "lib/net8.0/IoctlSharp.Runtime.xml",
                     "analyzers/dotnet/cs/IoctlSharp.Generators.dll", "analyzers/dotnet/cs/IoctlSharp.Analyzers.dll",
                     "analyzers/dotnet/cs/IoctlSharp.Generators.Core.dll",
                     "analyzers/dotnet/cs/IoctlSharp.CodeFixes.dll",
                     "build/IoctlSharp.props", "buildTransitive/IoctlSharp.props",
                     "README.md", "icon.png", "IoctlSharp.nuspec",
                 })
            Assert.Contains(expected, entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("IoctlSharp.dll", StringComparison.Ordinal));

        using var reader = new StreamReader(zip.GetEntry("IoctlSharp.nuspec")!.Open());
        string nuspec = reader.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.Contains("<repository type=\"git\" url=\"", nuspec);
        Assert.Contains("<icon>icon.png</icon>", nuspec);
        // The release notes are CHANGELOG.md's newest section.
        Assert.Matches(@"<releaseNotes>## \S+", nuspec);
        Assert.Contains("/CHANGELOG.md</releaseNotes>", nuspec);
    }

    private static string Run(string directory, string fileName, params string[] arguments)
        => Run(directory, expectFailure: false, fileName, arguments);

    private static string Run(string directory, bool expectFailure, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        // A clean child: nothing inherited from the test host's MSBuild, a package cache of its own, and no build
        // servers left running after it.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
            start.Environment.Remove(key);
        string temp = Path.GetDirectoryName(directory)!;
        if (Path.GetFileName(directory) == "consumer")
            start.Environment["NUGET_PACKAGES"] = Path.Combine(temp, "nuget-packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', arguments)} did not finish in 3 minutes");
        }

        string output = stdout.Result + stderr.Result;
        if (expectFailure)
            Assert.True(process.ExitCode != 0, $"{string.Join(' ', arguments)} was expected to fail:\n{output}");
        else
            Assert.True(process.ExitCode == 0, $"{string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        return output;
    }

    /// <summary>The clone's root, found from the test binary (CI maps source paths to /_/, so never [CallerFilePath]).</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IoctlSharp.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No IoctlSharp.sln above {AppContext.BaseDirectory}.");
    }
}

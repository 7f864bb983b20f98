using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using IoctlSharp.Conformance.Tests.Probe;
using Xunit;
using Xunit.Abstractions;

namespace IoctlSharp.Conformance.Tests;

/// <summary>probe/probe.c and probe/probe.keys are generated from the declarations and checked in.</summary>
public sealed class ProbeSnapshotTests
{
    private readonly ITestOutputHelper _output;

    public ProbeSnapshotTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ProbeFilesAreCurrent()
    {
        bool update = Environment.GetEnvironmentVariable("IOCTLSHARP_UPDATE_SNAPSHOTS") == "1";
        var problems = new StringBuilder();
        foreach (var (path, content) in new[] { (ProbeFiles.ProbeC, ProbeModel.RenderC()), (ProbeFiles.ProbeKeys, ProbeModel.RenderKeys()) })
        {
            string? current = File.Exists(path) ? File.ReadAllText(path) : null;
            if (current == content)
                continue;
            if (update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
                _output.WriteLine($"rewrote {path}");
                continue;
            }

            problems.Append(Diff(path, current ?? "", content));
        }

        _output.WriteLine($"{ProbeModel.Entries.Count} probe values: {ProbeModel.Types.Count} C types, {ProbeModel.Requests.Count} requests");
        Assert.True(problems.Length == 0,
            "The checked-in probe files are stale; run IOCTLSHARP_UPDATE_SNAPSHOTS=1 dotnet test tests/IoctlSharp.Conformance.Tests "
            + "(and cross/generate.sh for the cross targets' expected values).\n" + problems);
    }

    /// <summary>A readable line diff: the lines only on one side, with their line numbers (in order).</summary>
    private static string Diff(string path, string current, string generated)
    {
        var a = current.Split('\n');
        var b = generated.Split('\n');
        // Longest common subsequence over lines; the files are a few thousand lines.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var sb = new StringBuilder($"--- {path} (checked in)\n+++ generated from the declarations\n");
        int shown = 0, x = 0, y = 0;
        while ((x < a.Length || y < b.Length) && shown < 200)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { sb.Append($"+{y + 1,5}: {b[y]}\n"); y++; shown++; }
            else { sb.Append($"-{x + 1,5}: {a[x]}\n"); x++; shown++; }
        }

        if (shown == 200) sb.Append("... (more differences)\n");
        return sb.ToString();
    }
}

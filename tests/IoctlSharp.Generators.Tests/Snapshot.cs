using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// Compares generated files with the checked-in snapshots under Snapshots/&lt;test&gt;/. A mismatch fails with a line
/// diff. Set IOCTLSHARP_UPDATE_SNAPSHOTS=1 to rewrite the snapshots instead (then review them like code).
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "IOCTLSHARP_UPDATE_SNAPSHOTS";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// The snapshot folder in the source tree. Found from the test binary's location, not [CallerFilePath]: CI builds
    /// are deterministic and map source paths to /_/.
    /// </summary>
    public static string Folder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IoctlSharp.sln")))
                return Path.Combine(dir.FullName, "tests", "IoctlSharp.Generators.Tests", "Snapshots", name);
        throw new InvalidOperationException($"No IoctlSharp.sln above {AppContext.BaseDirectory}.");
    }

    public static void Match(IReadOnlyList<(string HintName, string Text)> files, string name)
    {
        string dir = Folder(name);
        var failures = new StringBuilder();
        if (Updating)
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Directory.CreateDirectory(dir);
            foreach (var (hint, text) in files)
                File.WriteAllText(Path.Combine(dir, hint), Normalize(text));
            return;
        }

        var expected = Directory.Exists(dir)
            ? Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f)!, f => Normalize(File.ReadAllText(f)))
            : new Dictionary<string, string>();
        foreach (var (hint, text) in files)
        {
            if (!expected.TryGetValue(hint, out var snapshot))
                failures.AppendLine($"New generated file {hint} has no snapshot.");
            else if (snapshot != Normalize(text))
                failures.AppendLine($"{hint} differs from its snapshot (- snapshot, + generated):").AppendLine(Diff(snapshot, Normalize(text)));
        }

        foreach (var stale in expected.Keys.Except(files.Select(f => f.HintName)))
            failures.AppendLine($"Snapshot {stale} is no longer generated.");
        if (failures.Length > 0)
            throw new Xunit.Sdk.XunitException($"Snapshot mismatch in {dir} (set {UpdateVariable}=1 to accept):\n{failures}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    /// <summary>A unified-style line diff (longest common subsequence), with two lines of context.</summary>
    public static string Diff(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        var lcs = new int[x.Length + 1, y.Length + 1];
        for (int i = x.Length - 1; i >= 0; i--)
            for (int j = y.Length - 1; j >= 0; j--)
                lcs[i, j] = x[i] == y[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var lines = new List<(char Op, int Line, string Text)>();
        int p = 0, q = 0;
        while (p < x.Length || q < y.Length)
        {
            if (p < x.Length && q < y.Length && x[p] == y[q]) { lines.Add((' ', p + 1, x[p])); p++; q++; }
            else if (q < y.Length && (p == x.Length || lcs[p, q + 1] >= lcs[p + 1, q])) { lines.Add(('+', q + 1, y[q])); q++; }
            else { lines.Add(('-', p + 1, x[p])); p++; }
        }

        var sb = new StringBuilder();
        for (int k = 0; k < lines.Count; k++)
        {
            bool near = false;
            for (int d = -2; d <= 2 && !near; d++)
                near = k + d >= 0 && k + d < lines.Count && lines[k + d].Op != ' ';
            if (near) sb.AppendLine($"{lines[k].Op} {lines[k].Line,5}: {lines[k].Text}");
            else if (k > 0 && lines[k - 1].Op != ' ') sb.AppendLine("  ...");
        }

        return sb.ToString();
    }
}

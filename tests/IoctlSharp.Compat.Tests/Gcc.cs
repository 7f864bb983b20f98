using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace IoctlSharp.Compat.Tests;

/// <summary>gcc, the source of truth: compiles C for x86_64 or i386 and runs what it built.</summary>
internal static class Gcc
{
    /// <summary>i386 with no extra package: freestanding, the host's kernel headers, gcc's own stddef.h.</summary>
    public static readonly string[] I386Flags =
    {
        "-m32", "-ffreestanding", "-nostdinc", "-isystem", Run("gcc", "-print-file-name=include").Trim(),
        "-I/usr/include", "-I/usr/include/x86_64-linux-gnu",
    };

    /// <summary>The initialisers of <c>const unsigned int facts[]</c> in <paramref name="source"/>, as gcc emits them for the target.</summary>
    public static IReadOnlyList<long> Facts(string source, bool i386)
    {
        string dir = TempDirectory();
        File.WriteAllText(Path.Combine(dir, "facts.c"), source);
        // xen/privcmd.h includes xen/interface/xen.h, which the kernel does not export: a stand-in with its two types.
        Directory.CreateDirectory(Path.Combine(dir, "xen", "interface"));
        File.WriteAllText(Path.Combine(dir, "xen", "interface", "xen.h"),
            "#include <stddef.h>\n#include <linux/types.h>\ntypedef __u16 domid_t;\ntypedef unsigned long xen_pfn_t;\n");
        var args = new List<string>(i386 ? I386Flags : Array.Empty<string>()) { "-I" + dir, "-S", "-o", "-", Path.Combine(dir, "facts.c") };
        string asm = Run("gcc", args.ToArray());
        return Regex.Matches(asm, @"^\s*\.long\s+(-?\d+)\s*$", RegexOptions.Multiline).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>Builds <c>Peer32/peer.c</c> as a static, freestanding i386 program and returns its path.</summary>
    public static string BuildPeer32()
    {
        string source = Path.Combine(AppContext.BaseDirectory, "Peer32", "peer.c");
        string output = Path.Combine(TempDirectory(), "peer32");
        var args = new List<string>(I386Flags) { "-nostdlib", "-static", "-fno-pic", "-fno-stack-protector", "-O1", "-o", output, source };
        Run("gcc", args.ToArray());
        return output;
    }

    /// <summary>Runs <paramref name="program"/> with <paramref name="input"/> on stdin; its exit code and stdout.</summary>
    public static (int ExitCode, byte[] Output) Exec(string program, byte[] input)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var reader = process.StandardOutput.BaseStream.CopyToAsync(output);
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        reader.Wait(TimeSpan.FromSeconds(30));
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException(program + " did not exit");
        }

        return (process.ExitCode, output.ToArray());
    }

    public static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}):\n{stderr.Result}");
        return stdout;
    }

    private static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ioctlsharp-compat-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}

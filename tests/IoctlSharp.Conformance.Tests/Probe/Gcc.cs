using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace IoctlSharp.Conformance.Tests.Probe;

/// <summary>Files of the test project in the source tree, and gcc.</summary>
public static class ProbeFiles
{
    public static string ProjectDir { get; } = typeof(ProbeFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ConformanceProjectDir").Value!;

    public static string ProbeDir => Path.Combine(ProjectDir, "probe");
    public static string ProbeC => Path.Combine(ProbeDir, "probe.c");
    public static string ProbeKeys => Path.Combine(ProbeDir, "probe.keys");
    public static string XenStubDir => Path.Combine(ProbeDir, "xen-stub");
    public static string CrossExpected(AbiTarget target) => Path.Combine(ProjectDir, "cross", "expected", target.CName() + ".txt");

    /// <summary>The checked-in probe.keys: (guard, key) per value of the array, in order.</summary>
    public static IReadOnlyList<(Guard Guard, string Key)> ReadKeys()
        => File.ReadAllLines(ProbeKeys).Where(l => l.Length > 0).Select(l =>
        {
            int tab = l.IndexOf('\t');
            return (ProbeModel.ParseGuard(l[..tab]), l[(tab + 1)..]);
        }).ToList();

    /// <summary>Checked-in expected values of a cross target: <c>key TAB value</c> lines.</summary>
    public static IReadOnlyList<(string Key, uint Value)> ReadExpected(AbiTarget target)
        => File.ReadAllLines(CrossExpected(target)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l =>
        {
            int tab = l.LastIndexOf('\t');
            return (l[..tab], uint.Parse(l[(tab + 1)..], CultureInfo.InvariantCulture));
        }).ToList();
}

public static class Gcc
{
    /// <summary>Runs a program to completion; throws with its output if it fails (or cannot start).</summary>
    public static string Run(string program, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not run {program} (is it installed?): {e.Message}", e);
        }

        using (p)
        {
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
                throw new InvalidOperationException($"{program} {string.Join(" ", psi.ArgumentList)} exited with {p.ExitCode}:\n{stderr.Result}");
            return stdout;
        }
    }

    /// <summary>The arguments for compiling probe.c to assembly on stdout for x86_64 or i386 with the host gcc.</summary>
    public static IReadOnlyList<string> HostArguments(AbiTarget target)
    {
        // probe/xen-stub first: it stands in for libc's sys/*.h too (linux/input.h includes them), before the host's.
        var args = new List<string> { "-I" + ProbeFiles.XenStubDir };
        args.AddRange(HostTargetFlags(target));
        args.AddRange(new[] { "-S", "-o", "-", ProbeFiles.ProbeC });
        return args;
    }

    /// <summary>The host gcc's flags for compiling for x86_64 or i386.</summary>
    public static List<string> HostTargetFlags(AbiTarget target)
    {
        var args = new List<string>();
        if (target == AbiTarget.I386)
        {
            // No multilib needed: freestanding, with gcc's own headers and the host's kernel headers.
            string gccInclude = Run("gcc", new[] { "-print-file-name=include" }).Trim();
            args.AddRange(new[] { "-m32", "-ffreestanding", "-nostdinc", "-isystem", gccInclude, "-I/usr/include", "-I/usr/include/x86_64-linux-gnu" });
        }
        else if (target != AbiTarget.X86_64)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "the host gcc compiles for x86_64 and i386 only");
        }

        return args;
    }

    private static readonly Regex s_directive = new(@"^\s*\.(long|word|4byte|int|zero|space|skip|size|type|globl|global|section|align|p2align|balign|ident|text|data)\b\s*(.*)$", RegexOptions.Compiled);

    /// <summary>
    /// The 32-bit values of the initialised array <paramref name="symbol"/> in gcc's assembly: <c>.long</c>, <c>.word</c>
    /// (mips, arm, aarch64, riscv: 4 bytes), <c>.4byte</c>, and <c>.zero N</c>/<c>.space N</c> for runs of zero bytes.
    /// </summary>
    public static List<uint> ReadArray(string asm, string symbol)
    {
        var lines = asm.Split('\n');
        int start = Array.FindIndex(lines, l => l.Trim() == symbol + ":");
        if (start < 0)
            throw new InvalidOperationException($"no label {symbol}: in the assembly");
        var values = new List<uint>();
        for (int i = start + 1; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            int comment = line.IndexOfAny(new[] { '#', '@' });
            if (comment >= 0 && !line.StartsWith(".section", StringComparison.Ordinal)) line = line[..comment].Trim();
            if (line.Length == 0) continue;
            var m = s_directive.Match(line);
            if (!m.Success) break; // a label or an instruction: the array is over
            string operand = m.Groups[2].Value.Trim();
            switch (m.Groups[1].Value)
            {
                case "long" or "word" or "4byte" or "int":
                    foreach (var v in operand.Split(','))
                        values.Add(ParseInt(v.Trim()));
                    break;
                case "zero" or "space" or "skip":
                    long bytes = ParseLong(operand.Split(',')[0].Trim());
                    if (bytes % 4 != 0)
                        throw new InvalidOperationException($"a run of {bytes} zero bytes is not a whole number of 32-bit values");
                    for (long k = 0; k < bytes / 4; k++) values.Add(0);
                    break;
                default:
                    goto done; // .size, .section, .ident...: past the array
            }
        }

        done:
        return values;
    }

    /// <summary>
    /// The bytes of the initialised object <paramref name="symbol"/>: <c>.byte</c> lines and <c>.zero</c>/<c>.space</c>/
    /// <c>.skip N</c> runs (gcc writes an object holding bit-fields byte by byte). Any other data directive is an error.
    /// </summary>
    public static List<byte> ReadBytes(string asm, string symbol)
    {
        var lines = asm.Split('\n');
        int start = Array.FindIndex(lines, l => l.Trim() == symbol + ":");
        if (start < 0)
            throw new InvalidOperationException($"no label {symbol}: in the assembly");
        var bytes = new List<byte>();
        for (int i = start + 1; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(new[] { ' ', '\t' }, 2, StringSplitOptions.RemoveEmptyEntries);
            string operand = parts.Length > 1 ? parts[1].Trim() : "";
            switch (parts[0])
            {
                case ".byte":
                    foreach (var v in operand.Split(','))
                        bytes.Add(unchecked((byte)ParseLong(v.Trim())));
                    break;
                case ".zero" or ".space" or ".skip":
                    bytes.AddRange(new byte[ParseLong(operand.Split(',')[0].Trim())]);
                    break;
                case ".short" or ".value" or ".2byte" or ".half" or ".hword" or ".long" or ".word" or ".4byte" or ".int" or ".quad" or ".8byte" or ".dword" or ".xword" or ".ascii" or ".string":
                    throw new InvalidOperationException($"{symbol}: '{line}' is not a byte; the read-back expects .byte and .zero only");
                default:
                    return bytes; // .size, a label, .section: past the object
            }
        }

        return bytes;
    }

    /// <summary>Every <c>ioctlsharp_bits_N</c> object of the assembly: its probe.keys line N and its bytes.</summary>
    public static IEnumerable<(int Line, List<byte> Bytes)> ReadBitObjects(string asm)
        => Regex.Matches(asm, @"^ioctlsharp_bits_(\d+):", RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Select(n => (n, ReadBytes(asm, "ioctlsharp_bits_" + n.ToString(CultureInfo.InvariantCulture))));

    private static uint ParseInt(string s) => unchecked((uint)ParseLong(s));

    private static long ParseLong(string s)
        => s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(s[2..], 16)
            : s.StartsWith("-0x", StringComparison.OrdinalIgnoreCase) ? -Convert.ToInt64(s[3..], 16)
            : long.Parse(s, CultureInfo.InvariantCulture);
}

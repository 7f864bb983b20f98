using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;

namespace IoctlSharp.Generators.Tests.LayoutOracle;

/// <summary>
/// Asks gcc for constant values without running anything: the values are the initialisers of one array, read
/// back from the assembly gcc writes (<c>gcc -S</c>), as ABI-NOTES describes.
/// </summary>
internal static class GccValues
{
    public const string ArrayName = "oracle_values";

    /// <summary>A C file that defines <paramref name="declarations"/> and an array holding every expression's value.</summary>
    public static string Program(string declarations, IReadOnlyList<string> expressions)
    {
        var sb = new StringBuilder(declarations.Length + expressions.Count * 48);
        sb.Append(declarations);
        sb.Append("\nconst unsigned int ").Append(ArrayName).Append("[] = {\n");
        foreach (var e in expressions)
            sb.Append("    ").Append(e).Append(",\n");
        sb.Append("};\n");
        return sb.ToString();
    }

    /// <summary>gcc's arguments for a target: <c>-m64</c> or <c>-m32</c>, no headers (the C uses none), assembly on stdout.</summary>
    public static string[] Arguments(AbiTarget target) => target switch
    {
        AbiTarget.X86_64 => new[] { "-m64", "-ffreestanding", "-nostdinc", "-x", "c", "-std=gnu11", "-S", "-o", "-", "-" },
        AbiTarget.I386 => new[] { "-m32", "-ffreestanding", "-nostdinc", "-x", "c", "-std=gnu11", "-S", "-o", "-", "-" },
        _ => throw new ArgumentOutOfRangeException(nameof(target), "the host gcc is asked for x86_64 and i386 only"),
    };

    /// <summary>Compiles <paramref name="program"/> with one gcc run and returns the array's values, in order.</summary>
    public static uint[] Compute(AbiTarget target, string program) => ReadArray(Assemble(target, program));

    /// <summary>
    /// The bytes of the initialised object <paramref name="symbol"/> in gcc's assembly: <c>.byte</c> and <c>.zero N</c>
    /// lines, which is how gcc writes an object holding bit-fields and bytes, and <c>.value</c>/<c>.long</c>/<c>.quad</c>
    /// (x86's 2-, 4- and 8-byte units, little-endian); anything else ends it.
    /// </summary>
    public static List<byte> ReadBytes(string asm, string symbol)
    {
        var bytes = new List<byte>();
        bool inside = false;
        foreach (var raw in asm.Split('\n'))
        {
            string line = raw.Trim();
            if (!inside)
            {
                inside = line == symbol + ":";
                continue;
            }

            if (line.StartsWith(".byte", StringComparison.Ordinal))
                bytes.AddRange(line[5..].Split(',').Select(v => unchecked((byte)int.Parse(v.Trim(), CultureInfo.InvariantCulture))));
            else if (line.StartsWith(".zero", StringComparison.Ordinal))
                bytes.AddRange(new byte[int.Parse(line[5..].Trim(), CultureInfo.InvariantCulture)]);
            else if (line.StartsWith(".value", StringComparison.Ordinal) || line.StartsWith(".long", StringComparison.Ordinal) || line.StartsWith(".quad", StringComparison.Ordinal))
            {
                // A whole unit at once (a bit-field that fills an aligned short, int or long long): x86 is little-endian.
                int size = line[1] == 'v' ? 2 : line[1] == 'l' ? 4 : 8;
                ulong v = unchecked((ulong)long.Parse(line[(line.IndexOfAny(new[] { ' ', '\t' }))..].Trim(), CultureInfo.InvariantCulture));
                for (int i = 0; i < size; i++) bytes.Add((byte)(v >> (8 * i)));
            }
            else
                break;
        }

        if (!inside)
            throw new InvalidOperationException($"no label {symbol}: in gcc's assembly");
        return bytes;
    }

    /// <summary>Compiles <paramref name="program"/> with one gcc run and returns the assembly.</summary>
    public static string Assemble(AbiTarget target, string program)
    {
        var psi = new ProcessStartInfo("gcc")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in Arguments(target)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start gcc");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(program);
        p.StandardInput.Close();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"gcc {string.Join(" ", psi.ArgumentList)} exited with {p.ExitCode}:\n{stderr.Result}");
        return stdout.Result;
    }

    /// <summary>The 32-bit values after the array's label: <c>.long N</c> lines and <c>.zero N</c> runs of zero bytes.</summary>
    public static uint[] ReadArray(string asm)
    {
        var values = new List<uint>();
        bool inArray = false;
        foreach (var raw in asm.Split('\n'))
        {
            string line = raw.Trim();
            if (!inArray)
            {
                inArray = line == ArrayName + ":";
                continue;
            }

            if (line.StartsWith(".long", StringComparison.Ordinal))
            {
                values.Add(unchecked((uint)long.Parse(line[5..].Trim(), CultureInfo.InvariantCulture)));
            }
            else if (line.StartsWith(".zero", StringComparison.Ordinal))
            {
                int bytes = int.Parse(line[5..].Trim(), CultureInfo.InvariantCulture);
                if (bytes % 4 != 0)
                    throw new InvalidOperationException($"a run of {bytes} zero bytes in {ArrayName} is not a whole number of values");
                values.AddRange(Enumerable.Repeat(0u, bytes / 4));
            }
            else
            {
                break; // .size, .ident, a label: the array is over
            }
        }

        if (!inArray)
            throw new InvalidOperationException($"no label {ArrayName}: in gcc's assembly");
        return values.ToArray();
    }
}

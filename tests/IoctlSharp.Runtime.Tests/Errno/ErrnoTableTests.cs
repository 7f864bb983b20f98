using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>
/// <see cref="Errno"/>'s constants, names and messages against the machine's headers and C library: gcc's view of
/// &lt;errno.h&gt; (errno-probe.sh), the kernel's asm-generic headers read as text, and strerror from a C program.
/// </summary>
public class ErrnoTableTests
{
    private static readonly string Here = Path.Combine(AppContext.BaseDirectory, "Errno");

    private static Dictionary<string, int> Constants() => typeof(Errno)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(int))
        .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    [Fact]
    public void EveryConstantIsWhatGccSaysErrnoHDefinesAndNothingIsMissing()
    {
        var gcc = Run("bash", Path.Combine(Here, "errno-probe.sh"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(gcc.Count > 130, $"the probe found only {gcc.Count} macros");
        Assert.Equal(gcc.OrderBy(p => p.Key), Constants().OrderBy(p => p.Key));
    }

    [Fact]
    public void TheKernelsAsmGenericHeadersAgreeWithTheTableLineByLine()
    {
        // The headers' own text: "#define EPERM 1" or an alias "#define EWOULDBLOCK EAGAIN".
        var constants = Constants();
        var define = new Regex(@"^#define\s+(E[A-Z0-9]+)\s+(\w+)", RegexOptions.Multiline);
        int seen = 0;
        foreach (var header in new[] { "/usr/include/asm-generic/errno-base.h", "/usr/include/asm-generic/errno.h" })
            foreach (Match m in define.Matches(File.ReadAllText(header)))
            {
                string name = m.Groups[1].Value, value = m.Groups[2].Value;
                int expected = char.IsDigit(value[0]) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : constants[value];
                Assert.True(constants.TryGetValue(name, out int actual), $"{name} from {header} is missing");
                Assert.Equal((name, expected), (name, actual));
                if (char.IsDigit(value[0]))
                    Assert.Equal(name, Errno.Name(expected)); // a number's name is the one the header gives it
                else
                    Assert.Equal(value, Errno.Name(expected)); // an alias names the original
                seen++;
            }
        Assert.True(seen > 130, $"only {seen} defines read");
    }

    [Fact]
    public void NamesAndValuesRoundTripAndUnknownsAreSaidSo()
    {
        foreach (var (name, value) in Constants())
        {
            Assert.True(Errno.TryGetValue(name, out int parsed));
            Assert.Equal(value, parsed);
            Assert.True(Errno.TryGetName(value, out string? canonical));
            Assert.Equal(value, Constants()[canonical!]);
        }

        Assert.Equal("EWOULDBLOCK", nameof(Errno.EWOULDBLOCK));
        Assert.Equal("EAGAIN", Errno.Name(Errno.EWOULDBLOCK));
        Assert.False(Errno.TryGetName(0, out _));
        Assert.False(Errno.TryGetName(4095, out _));
        Assert.Equal("E4095", Errno.Name(4095));
        Assert.False(Errno.TryGetValue("EWHATEVER", out _));
        Assert.False(Errno.TryGetValue("eperm", out _));
    }

    [Fact]
    public void MessagesAreTheCLibrarysStrerror()
    {
        // A C program prints strerror(n) for every value of the table; the runtime's text must be the same.
        var values = Constants().Values.Distinct().OrderBy(v => v).ToArray();
        string dir = Directory.CreateTempSubdirectory("ioctlsharp-strerror-").FullName;
        try
        {
            string source = Path.Combine(dir, "strerror.c"), program = Path.Combine(dir, "strerror");
            File.WriteAllText(source, "#include <stdio.h>\n#include <string.h>\n#include <stdlib.h>\n"
                + "int main(int argc, char **argv) { for (int i = 1; i < argc; i++) printf(\"%s\\n\", strerror(atoi(argv[i]))); return 0; }\n");
            Run("gcc", "-o", program, source);
            var expected = Run(program, values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray())
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(values.Length, expected.Length);
            for (int i = 0; i < values.Length; i++)
                Assert.Equal((values[i], expected[i]), (values[i], Errno.GetMessage(values[i])));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ErrnoExceptionsAreIOExceptionsThatCarryNameNumberAndText()
    {
        using var kvm = FileDescriptorHandle.Open("/dev/kvm");
        using var vm = Kvm.CreateVm(kvm, 0);
        try
        {
            Kvm.CreateVcpu(vm, 100_000).Dispose(); // beyond KVM_MAX_VCPU_IDS
            Assert.Fail("KVM_CREATE_VCPU accepted an id past the limit");
        }
        catch (IOException e) // what callers wrote before Errno existed keeps working
        {
            var ioctl = Assert.IsType<IoctlException>(e);
            Assert.Equal((Errno.EINVAL, "EINVAL", Errno.EINVAL), (ioctl.Errno, ioctl.ErrnoName, ioctl.HResult));
            Assert.Contains($"KVM_CREATE_VCPU (0x0000AE41) failed: EINVAL (22): {Errno.GetMessage(Errno.EINVAL)}", e.Message);
        }

        var own = new ErrnoException(Errno.ENOSPC);
        Assert.IsAssignableFrom<IOException>(own);
        Assert.Equal($"ENOSPC (28): {Errno.GetMessage(28)}", own.Message);
    }

    private static string Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {errors}");
        return output;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using IoctlSharp;
using Sample.Driver.Hypercalls;
using Xunit;

namespace Sample.Driver.Tests;

/// <summary>
/// The guests' C header (Sample.Driver/Guests/vmmdev.h) against the C# declarations the VMM parses requests
/// with: gcc computes every size, alignment, offset and number for i386 and x86_64, and each must equal what
/// IoctlSharp computed for that target.
/// </summary>
public class HeaderCheckTests
{
    private sealed record Fact(string What, string CExpression, Func<AbiTarget, long> CSharp);

    private static Fact Size<T>(string cStruct) where T : unmanaged, IAbiStruct<T>
        => new($"sizeof(struct {cStruct})", $"sizeof(struct {cStruct})", t => AbiLayout.Of<T>(t).Size);

    private static Fact Align<T>(string cStruct) where T : unmanaged, IAbiStruct<T>
        => new($"_Alignof(struct {cStruct})", $"_Alignof(struct {cStruct})", t => AbiLayout.Of<T>(t).Alignment);

    /// <summary>offsetof(struct, c.path) against the C# field path (dotted, through nested layouts).</summary>
    private static Fact Offset<T>(string cStruct, string cPath, string csPath) where T : unmanaged, IAbiStruct<T>
        => new($"offsetof(struct {cStruct}, {cPath})", $"__builtin_offsetof(struct {cStruct}, {cPath})", t =>
        {
            AbiStructLayout? layout = AbiLayout.Of<T>(t);
            long offset = 0;
            foreach (string name in csPath.Split('.'))
            {
                var field = layout![name];
                offset += field.Offset;
                layout = field.Nested;
            }
            return offset;
        });

    private static Fact Constant(string cName, long value) => new(cName, cName, _ => value);

    private static IEnumerable<Fact> Facts()
    {
        yield return Size<VmmDevRequestHeader>("vmmdev_request_header");
        yield return Align<VmmDevRequestHeader>("vmmdev_request_header");
        foreach (var (c, cs) in new[] { ("size", "Size"), ("version", "Version"), ("request_type", "RequestType"), ("rc", "Rc"), ("reserved1", "Reserved1"), ("requestor", "Requestor") })
            yield return Offset<VmmDevRequestHeader>("vmmdev_request_header", c, cs);

        yield return Size<VmmDevHostVersion>("vmmdev_host_version");
        foreach (var (c, cs) in new[] { ("major", "Major"), ("minor", "Minor"), ("build", "Build"), ("revision", "Revision"), ("features", "Features") })
            yield return Offset<VmmDevHostVersion>("vmmdev_host_version", c, cs);

        yield return Size<VmmDevHostTime>("vmmdev_host_time");
        yield return Align<VmmDevHostTime>("vmmdev_host_time");
        yield return Offset<VmmDevHostTime>("vmmdev_host_time", "time_ms", "TimeMs");

        yield return Size<VmmDevLogString>("vmmdev_log_string");
        yield return Offset<VmmDevLogString>("vmmdev_log_string", "text", "Text");

        yield return Size<HgcmServiceLocation>("vmmdev_hgcm_service_location");
        yield return Offset<HgcmServiceLocation>("vmmdev_hgcm_service_location", "service_name", "ServiceName");

        yield return Size<HgcmRequestHeader>("vmmdev_hgcmreq_header");
        yield return Offset<HgcmRequestHeader>("vmmdev_hgcmreq_header", "flags", "Flags");
        yield return Offset<HgcmRequestHeader>("vmmdev_hgcmreq_header", "result", "Result");

        yield return Size<HgcmConnect>("vmmdev_hgcm_connect");
        yield return Offset<HgcmConnect>("vmmdev_hgcm_connect", "loc", "Location");
        yield return Offset<HgcmConnect>("vmmdev_hgcm_connect", "loc.service_name", "Location.ServiceName");
        yield return Offset<HgcmConnect>("vmmdev_hgcm_connect", "client_id", "ClientId");

        yield return Size<HgcmDisconnect>("vmmdev_hgcm_disconnect");
        yield return Offset<HgcmDisconnect>("vmmdev_hgcm_disconnect", "client_id", "ClientId");

        yield return Size<HgcmCall>("vmmdev_hgcm_call");
        yield return Align<HgcmCall>("vmmdev_hgcm_call");
        foreach (var (c, cs) in new[] { ("header.result", "Header.Result"), ("client_id", "ClientId"), ("function", "Function"), ("parm_count", "ParmCount") })
            yield return Offset<HgcmCall>("vmmdev_hgcm_call", c, cs);

        // The struct whose layout differs: 12 bytes in the 32-bit guest, 16 in the 64-bit one.
        yield return Size<HgcmFunctionParameter>("vmmdev_hgcm_function_parameter");
        yield return Align<HgcmFunctionParameter>("vmmdev_hgcm_function_parameter");
        foreach (var (c, cs) in new[]
        {
            ("type", "Type"), ("u", "U"), ("u.value32", "U.Value32"), ("u.value64", "U.Value64"),
            ("u.pointer.size", "U.Pointer.Size"), ("u.pointer.u.linear_addr", "U.Pointer.U.LinearAddr"),
            ("u.pointer.u.phys_addr", "U.Pointer.U.PhysAddr"), ("u.page_list.offset", "U.PageList.Offset"),
        })
            yield return Offset<HgcmFunctionParameter>("vmmdev_hgcm_function_parameter", c, cs);
        yield return new("sizeof(param.u.pointer.u.linear_addr)", "sizeof(((struct vmmdev_hgcm_function_parameter *)0)->u.pointer.u.linear_addr)",
            t => AbiLayout.Of<HgcmFunctionParameter>(t)["U"].Nested!["Pointer"].Nested!["U"].Nested!["LinearAddr"].Size);

        yield return Constant("VMMDEV_PORT", Hypercalls.VmmDevice.Port);
        yield return Constant("VMMDEV_REQUEST_HEADER_VERSION", VmmDevRequestHeader.CurrentVersion);
        foreach (var (c, v) in new (string, VmmDevRequestType)[]
        {
            ("VMMDEVREQ_GET_HOST_VERSION", VmmDevRequestType.GetHostVersion), ("VMMDEVREQ_GET_HOST_TIME", VmmDevRequestType.GetHostTime),
            ("VMMDEVREQ_HGCM_CONNECT", VmmDevRequestType.HgcmConnect), ("VMMDEVREQ_HGCM_DISCONNECT", VmmDevRequestType.HgcmDisconnect),
            ("VMMDEVREQ_HGCM_CALL32", VmmDevRequestType.HgcmCall32), ("VMMDEVREQ_HGCM_CALL64", VmmDevRequestType.HgcmCall64),
            ("VMMDEVREQ_LOG_STRING", VmmDevRequestType.LogString),
        })
            yield return Constant(c, (long)v);
        foreach (var (c, v) in new (string, HgcmParameterType)[]
        {
            ("VMMDEV_HGCM_PARM_TYPE_32BIT", HgcmParameterType.Bit32), ("VMMDEV_HGCM_PARM_TYPE_64BIT", HgcmParameterType.Bit64),
            ("VMMDEV_HGCM_PARM_TYPE_LINADDR", HgcmParameterType.LinAddr), ("VMMDEV_HGCM_PARM_TYPE_LINADDR_IN", HgcmParameterType.LinAddrIn),
            ("VMMDEV_HGCM_PARM_TYPE_LINADDR_OUT", HgcmParameterType.LinAddrOut),
        })
            yield return Constant(c, (long)v);
        yield return Constant("VMMDEV_HGCM_LOC_LOCALHOST_EXISTING", (long)HgcmServiceLocationType.LocalhostExisting);
        foreach (var (c, v) in new[]
        {
            ("VINF_SUCCESS", VBoxStatus.Success), ("VERR_GENERAL_FAILURE", VBoxStatus.GeneralFailure),
            ("VERR_INVALID_PARAMETER", VBoxStatus.InvalidParameter), ("VERR_INVALID_HANDLE", VBoxStatus.InvalidHandle),
            ("VERR_INVALID_POINTER", VBoxStatus.InvalidPointer), ("VERR_VERSION_MISMATCH", VBoxStatus.VersionMismatch),
            ("VERR_NOT_IMPLEMENTED", VBoxStatus.NotImplemented), ("VERR_NOT_SUPPORTED", VBoxStatus.NotSupported),
            ("VERR_BUFFER_OVERFLOW", VBoxStatus.BufferOverflow), ("VERR_TOO_MUCH_DATA", VBoxStatus.TooMuchData),
            ("VERR_OUT_OF_RANGE", VBoxStatus.OutOfRange), ("VERR_NOT_FOUND", VBoxStatus.NotFound),
        })
            yield return Constant(c, v);
        yield return Constant("ECHO_FN_ECHO", EchoService.FnEcho);
        yield return Constant("ECHO_FN_UPPER", EchoService.FnUpper);
        yield return Constant("ECHO_FN_ADD", EchoService.FnAdd);
        yield return Constant("GUEST_PROP_FN_GET_PROP", GuestPropertyService.FnGetProp);
        yield return Constant("GUEST_PROP_FN_SET_PROP_VALUE", GuestPropertyService.FnSetPropValue);
        yield return Constant("GUEST_PROP_FN_DEL_PROP", GuestPropertyService.FnDelProp);
    }

    [Theory]
    [InlineData(AbiTarget.I386, "-m32")]
    [InlineData(AbiTarget.X86_64, "-m64")]
    public void TheGuestHeaderAgreesWithTheCSharpDeclarations(AbiTarget target, string gccFlag)
    {
        var facts = Facts().ToList();
        long[] fromGcc = AskGcc(gccFlag, facts.Select(f => f.CExpression).ToList());
        var wrong = facts.Select((f, i) => (f, gcc: fromGcc[i], cs: f.CSharp(target)))
            .Where(x => x.gcc != x.cs)
            .Select(x => $"{x.f.What}: gcc says {x.gcc}, IoctlSharp {x.cs}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{target}: {string.Join("; ", wrong)}");
        Assert.True(facts.Count > 60);
    }

    [Fact]
    public void TheServicesNamesAreTheHeaders()
    {
        string header = File.ReadAllText(Path.Combine(RepositoryRoot(), "Sample.Driver", "Guests", "vmmdev.h"));
        Assert.Contains($"#define ECHO_SERVICE \"{new EchoService().Name}\"", header);
        Assert.Contains($"#define GUEST_PROP_SERVICE \"{new GuestPropertyService().Name}\"", header);
    }

    [Fact]
    public void OnlyTheParameterDiffersBetweenTheTwoGuestAbis()
    {
        // The VMM reads every request struct but the parameter with the native (x86_64) declaration for both
        // guests; that is right only because their i386 layouts are the same.
        foreach (var same in new[]
        {
            Compare<VmmDevRequestHeader>(), Compare<VmmDevHostVersion>(), Compare<VmmDevHostTime>(), Compare<VmmDevLogString>(),
            Compare<HgcmRequestHeader>(), Compare<HgcmConnect>(), Compare<HgcmDisconnect>(), Compare<HgcmCall>(),
        })
            Assert.True(same.Equal, same.Name);
        Assert.False(Compare<HgcmFunctionParameter>().Equal);
    }

    private static (string Name, bool Equal) Compare<T>() where T : unmanaged, IAbiStruct<T>
    {
        var a = AbiLayout.Of<T>(AbiTarget.I386);
        var b = AbiLayout.Of<T>(AbiTarget.X86_64);
        bool equal = a.Size == b.Size && a.Fields.Select(f => f.Offset).SequenceEqual(b.Fields.Select(f => f.Offset))
            && a.FlexibleArray?.Offset == b.FlexibleArray?.Offset;
        return (a.CName, equal);
    }

    /// <summary>Compiles an array of the expressions with gcc -S and reads the values back from the assembly.</summary>
    private static long[] AskGcc(string flag, IReadOnlyList<string> expressions)
    {
        string root = RepositoryRoot();
        string dir = Path.Combine(Path.GetTempPath(), $"sample-driver-header-{Environment.ProcessId}-{flag.TrimStart('-')}");
        Directory.CreateDirectory(dir);
        string probe = Path.Combine(dir, "probe.c");
        var c = new StringBuilder($"#include \"{Path.Combine(root, "Sample.Driver", "Guests", "vmmdev.h")}\"\nconst long long facts[] = {{\n");
        foreach (string e in expressions)
            c.Append("\t(long long)(").Append(e).Append("),\n");
        c.Append("};\n");
        File.WriteAllText(probe, c.ToString());

        var start = new ProcessStartInfo("gcc") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { flag, "-ffreestanding", "-nostdinc", "-S", "-o", "-", probe })
            start.ArgumentList.Add(a);
        using var gcc = Process.Start(start)!;
        string asm = gcc.StandardOutput.ReadToEnd();
        string err = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        Assert.True(gcc.ExitCode == 0, $"gcc {flag} failed: {err}");

        // On i386 a long long is emitted as two .long halves (low first); on x86_64 as one .quad.
        var words = asm.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith(".long", StringComparison.Ordinal) || l.StartsWith(".quad", StringComparison.Ordinal))
            .Select(l => (quad: l.StartsWith(".quad", StringComparison.Ordinal), value: long.Parse(l[5..].Trim(), System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var values = new List<long>();
        for (int i = 0; i < words.Count; i++)
            values.Add(words[i].quad ? words[i].value : (long)(((ulong)(uint)words[i + 1].value << 32) | (uint)words[i++].value));
        Assert.Equal(expressions.Count, values.Count);
        return values.ToArray();
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IoctlSharp.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("IoctlSharp.sln not found above " + AppContext.BaseDirectory);
    }
}

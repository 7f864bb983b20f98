using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Sample.Driver.Fuzz;
using Sample.Driver.Hypercalls;
using Xunit;

namespace Sample.Driver.Tests;

/// <summary>
/// The fuzz run's results, replayed by an ordinary test (the fuzzing itself is tests/Sample.Driver.Fuzz/run-fuzz.sh,
/// run by hand): every crash afl-fuzz found and every seed go through the same target, uninstrumented, and the
/// device must answer each hypercall without throwing and with the target's invariants intact.
/// </summary>
public class FuzzReplayTests
{
    private static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "fuzz", name);

    public static IEnumerable<object[]> Crashes() =>
        Directory.GetFiles(Folder("crashes"), "*.bin").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Crashes))]
    public void EveryCrashTheFuzzerFoundIsAnsweredWithoutThrowing(string crash)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(Folder("crashes"), crash));
        using var target = new DeviceFuzzTarget();

        var answers = target.Run(input);

        Assert.Equal(1 + input[0] % DeviceFuzzTarget.MaxHypercalls, answers.Length);
    }

    [Fact]
    public void TheSeedCorpusReachesTheServicesAndIsAnsweredWithSuccess()
    {
        var seeds = Directory.GetFiles(Folder("corpus"), "*.bin");
        Assert.NotEmpty(seeds);
        using var target = new DeviceFuzzTarget();
        int serviceCalls = 0;
        foreach (string seed in seeds)
        {
            foreach (var answer in target.Run(File.ReadAllBytes(seed)))
            {
                Assert.True(answer.Rc == VBoxStatus.Success, $"{Path.GetFileName(seed)}: request at 0x{answer.Gpa:x} got {VBoxStatus.Name(answer.Rc)}");
                Assert.True(answer.ServiceResult is null or VBoxStatus.Success, $"{Path.GetFileName(seed)}: service answered {answer.ServiceResult}");
                if (answer.ServiceResult is not null)
                    serviceCalls++;
            }
        }
        Assert.True(serviceCalls >= 12, $"only {serviceCalls} HGCM requests in the seeds reached the host services");
    }

    [Fact]
    public void TheCheckedInSeedsAreTheOnesSeedCorpusWrites()
    {
        // If the input format or a request layout changes, the seeds must be rewritten (Sample.Driver.Fuzz --write-seeds).
        var expected = SeedCorpus.All().ToDictionary(s => s.Name, s => s.Bytes);
        var actual = Directory.GetFiles(Folder("corpus"), "*.bin").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs from what SeedCorpus writes");
    }
}

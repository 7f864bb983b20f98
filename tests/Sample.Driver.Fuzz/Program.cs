using System;
using System.IO;
using SharpFuzz;

namespace Sample.Driver.Fuzz;

/// <summary>
/// The fuzz target's entry point. Under afl-fuzz (see run-fuzz.sh) it runs SharpFuzz's in-process fork server:
/// an exception is reported as a crash and the loop goes on; a fault on a guard page ends the process, which
/// afl-fuzz reports too. (SharpFuzz's out-of-process server would survive such a fault, but 2.3.0's fails to open
/// its pipe under this machine's afl++ 4.04c.) <c>--write-seeds DIR</c> writes the seed corpus; <c>--replay FILE...</c>
/// runs inputs once and prints the device's answers.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--write-seeds")
        {
            SeedCorpus.WriteTo(args[1]);
            return 0;
        }
        if (args.Length > 1 && args[0] == "--replay")
        {
            using var replay = new DeviceFuzzTarget();
            foreach (string file in args[1..])
                Console.WriteLine($"{file}: {string.Join(", ", replay.Run(File.ReadAllBytes(file)))}");
            return 0;
        }
        if (args.Length != 0)
        {
            Console.Error.WriteLine("usage: Sample.Driver.Fuzz [--write-seeds DIR | --replay FILE...]   (no arguments: under afl-fuzz)");
            return 2;
        }
        // Instrumented code may run only once the fork server has mapped afl's coverage bitmap: the target (whose
        // guest RAM an instrumented constructor maps) is made inside the first execution, then reused.
        DeviceFuzzTarget? target = null;
        var buffer = new MemoryStream();
        Fuzzer.Run(stream =>
        {
            target ??= new DeviceFuzzTarget();
            buffer.SetLength(0);
            stream.CopyTo(buffer);
            target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        });
        return 0;
    }
}

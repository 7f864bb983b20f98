using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace IoctlSharp.Generators.Benchmarks;

/// <summary>
/// The declaration set the generator's cost is measured on: 150 <c>[AbiStruct]</c>/<c>[AbiUnion]</c> types and
/// 150 ioctls in five <c>[IoctlGroup]</c>s, written as a driver's bindings would be. The same text every time (no
/// randomness), so figures from different runs and branches measure the same input.
/// </summary>
/// <remarks>
/// Fifteen devices, each one file of ten types: a version struct and an MSR-like entry laid out alike everywhere,
/// a memory region with a user pointer, a name in a fixed buffer, a union with a fixed buffer member, a table of
/// entries in an <c>[InlineArray]</c> (or, on odd devices, a header with a flexible array), a timeout of C longs
/// and a size_t, a union selected by a discriminator, a call that nests the region and that union, and counters
/// where a u64 follows a u32. Every type with a pointer, C long, size_t or u64 after u32 gets 32-bit twins. Each
/// group file holds the 30 ioctls of three devices, with every argument form the generator supports.
/// </remarks>
public static class DeclarationSet
{
    public const int DeviceCount = 15;
    public const int TypesPerDevice = 10;
    public const int IoctlsPerDevice = 10;
    public const int DevicesPerGroup = 3;

    /// <summary>The device whose file the one-struct edit changes, and the struct it changes (used by an ioctl).</summary>
    public const int EditedDevice = 7;

    private static readonly string[] Devices =
    {
        "Gpu", "Net", "Blk", "Snd", "Vfio", "Vhost", "Tpm", "Drm", "Uvc", "Fuse", "Nvme", "Iio", "Can", "Spi", "Wdt",
    };

    private const string Usings = "using System;\nusing System.Runtime.CompilerServices;\nusing System.Runtime.InteropServices;\nusing IoctlSharp;\n";

    public static string EditedFileName => FileName(EditedDevice);

    /// <summary>Every file of the set: (file name, text), device files first, then group files.</summary>
    public static IReadOnlyList<(string Name, string Text)> Files()
    {
        var files = new List<(string, string)>();
        for (var d = 0; d < DeviceCount; d++)
            files.Add((FileName(d), DeviceFile(d, edited: false)));
        for (var g = 0; g < DeviceCount / DevicesPerGroup; g++)
            files.Add(($"Group{g}.cs", GroupFile(g)));
        return files;
    }

    /// <summary>
    /// The edited device's file after a one-member edit of its counters struct (<c>Errors</c> becomes a
    /// <c>ulong</c>): its layout changes on every target, and so does the size in the request number of the
    /// ioctl that reads it.
    /// </summary>
    public static string EditedFile() => DeviceFile(EditedDevice, edited: true);

    private static string FileName(int device) => $"{Devices[device]}Abi.cs";

    private static string DeviceFile(int d, bool edited)
    {
        var p = Devices[d];
        var s = new StringBuilder(Usings);
        s.Append(CultureInfo.InvariantCulture, $"\nnamespace Bench.Drivers;\n");
        s.Append(CultureInfo.InvariantCulture, $$"""

            public sealed class {{p}}QueueHandle : FileDescriptorHandle { }

            public enum {{p}}ArgKind : uint { Value32 = 1, Value64 = 2, Pointer = 3 }

            [InlineArray(8)]
            public struct {{p}}Entries8 { private {{p}}Entry _element; }

            /// <summary>struct {{p.ToLowerInvariant()}}_version: the same on every target.</summary>
            [AbiStruct(ExpectedSize = 16)]
            public partial struct {{p}}Version
            {
                public uint Major;
                public uint Minor;
                public ulong Features;
            }

            /// <summary>A memory region with a user pointer: 32 bytes on LP64, 28 on i386, 32 on arm32.</summary>
            [AbiStruct(ExpectedSize64 = 32, AllowAbiDifferences = true)]
            public unsafe partial struct {{p}}Region
            {
                public uint Slot;
                public uint Flags;
                public ulong GuestAddress;
                public ulong Size;
                public byte* UserAddress;
            }

            [AbiStruct(ExpectedSize = 68)]
            public unsafe partial struct {{p}}Name
            {
                public uint Length;
                public fixed byte Name[64];
            }

            /// <summary>A value read or written as one u64, two u32 or sixteen bytes.</summary>
            [AbiUnion(ExpectedSize = 16, Align = 8)]
            public unsafe partial struct {{p}}Value
            {
                [FieldOffset(0)] public ulong U64;
                [FieldOffset(0)] public fixed uint U32[4];
                [FieldOffset(0)] public fixed byte Bytes[16];
            }

            [AbiStruct(ExpectedSize = 16)]
            public partial struct {{p}}Entry
            {
                public uint Index;
                public uint Reserved;
                public ulong Data;
            }

            """);
        if (d % 2 == 0)
            s.Append(CultureInfo.InvariantCulture, $$"""

                [AbiStruct(ExpectedSize = 136)]
                public partial struct {{p}}Table
                {
                    public uint Count;
                    public uint Padding;
                    public {{p}}Entries8 Entries;
                }

                """);
        else
            s.Append(CultureInfo.InvariantCulture, $$"""

                [AbiStruct(ExpectedSize = 8), FlexibleArray(typeof({{p}}Entry), CountField = nameof(Count))]
                public partial struct {{p}}Table
                {
                    public uint Count;
                    public uint Padding;
                }

                """);
        s.Append(CultureInfo.InvariantCulture, $$"""

            /// <summary>Two C longs, a size_t and flags: 32 bytes on LP64, 16 on ILP32.</summary>
            [AbiStruct(ExpectedSize32 = 16, ExpectedSize64 = 32, AllowAbiDifferences = true)]
            public partial struct {{p}}Timeout
            {
                public CLong Seconds;
                public CLong Nanoseconds;
                public nuint Cookie;
                public uint Flags;
            }

            [AbiUnion(AllowAbiDifferences = true)]
            public partial struct {{p}}Arg
            {
                [FieldOffset(0), AbiCase({{p}}ArgKind.Value32)] public uint Value32;
                [FieldOffset(0), AbiCase({{p}}ArgKind.Value64)] public ulong Value64;
                [FieldOffset(0), AbiCase({{p}}ArgKind.Pointer)] public nuint Pointer;
            }

            [AbiStruct(AllowAbiDifferences = true)]
            public partial struct {{p}}Call
            {
                public {{p}}ArgKind Kind;
                [AbiDiscriminator(nameof(Kind))] public {{p}}Arg Arg;
                public {{p}}Region Region;
                public uint Status;
                public ulong Sequence;
            }

            /// <summary>Counters with u64s after u32s: 32 bytes on x86_64, 24 on i386.</summary>
            [AbiStruct(AllowAbiDifferences = true)]
            public partial struct {{p}}Stats
            {
                public uint Count;
                public ulong Total;
                public {{(edited ? "ulong" : "uint")}} Errors;
                public ulong Bytes;
            }

            """);
        return s.ToString();
    }

    private static string GroupFile(int g)
    {
        var s = new StringBuilder(Usings);
        var type = 0xB0 + g;
        s.Append(CultureInfo.InvariantCulture, $$"""

            namespace Bench.Drivers;

            [IoctlGroup(0x{{type:X2}})]
            public static partial class Driver{{g}}
            {
            """);
        for (var k = 0; k < DevicesPerGroup; k++)
        {
            var d = g * DevicesPerGroup + k;
            var p = Devices[d];
            var c = p.ToUpperInvariant();
            var nr = k * IoctlsPerDevice;
            string Nr(int j) => "0x" + (nr + j).ToString("X2", CultureInfo.InvariantCulture);
            var table = d % 2 == 0
                ? $"""
                    [IoctlReadWrite({Nr(5)}, Name = "{c}_GET_TABLE")]
                        public static partial void Get{p}Table(SafeHandle fd, ref {p}Table table);
                    """
                : $"""
                    [IoctlReadWrite({Nr(5)}, Name = "{c}_GET_TABLE")]
                        public static partial int Get{p}Table(SafeHandle fd, FlexibleBuffer<{p}Table, {p}Entry> table);
                    """;
            var seventh = (d % 3) switch
            {
                0 => $"""
                    [IoctlNone({Nr(7)}, Name = "{c}_CHECK_EXTENSION", SuppressGCTransition = true)]
                        public static partial int Check{p}Extension(SafeHandle fd, int extension);
                    """,
                1 => $"""
                    [IoctlNone({Nr(7)}, Name = "{c}_CREATE_QUEUE")]
                        public static partial {p}QueueHandle Create{p}Queue(SafeHandle fd, uint flags);
                    """,
                _ => $"""
                    [Ioctl(IoctlDirection.ReadWrite, {Nr(7)}, SizeAtCall = true, Name = "{c}_CALL_RAW")]
                        public static partial void {p}CallRaw(SafeHandle fd, Span<byte> call);
                    """,
            };
            s.Append(CultureInfo.InvariantCulture, $$"""

                    [IoctlRead({{Nr(0)}}, Name = "{{c}}_GET_VERSION")]
                    public static partial void Get{{p}}Version(SafeHandle fd, out {{p}}Version version);

                    [IoctlWrite({{Nr(1)}}, Name = "{{c}}_SET_REGION")]
                    public static partial void Set{{p}}Region(SafeHandle fd, in {{p}}Region region);

                    [IoctlReadWrite({{Nr(2)}}, Name = "{{c}}_GET_NAME")]
                    public static partial void Get{{p}}Name(SafeHandle fd, ref {{p}}Name name);

                    [IoctlReadWrite({{Nr(3)}}, Name = "{{c}}_EXCHANGE_VALUE")]
                    public static partial int Exchange{{p}}Value(SafeHandle fd, ref {{p}}Value value);

                    [IoctlWrite({{Nr(4)}}, Name = "{{c}}_SET_ENTRY")]
                    public static partial IoctlResult TrySet{{p}}Entry(SafeHandle fd, in {{p}}Entry entry);

                    {{table}}

                    [IoctlWrite({{Nr(6)}}, Name = "{{c}}_WAIT")]
                    public static partial IoctlResult Wait{{p}}(SafeHandle fd, in {{p}}Timeout timeout);

                    {{seventh}}

                    [IoctlReadWrite({{Nr(8)}}, Name = "{{c}}_CALL")]
                    public static partial void Submit{{p}}Call(SafeHandle fd, ref {{p}}Call call);

                    [IoctlRead({{Nr(9)}}, Name = "{{c}}_GET_STATS")]
                    public static partial void Get{{p}}Stats(SafeHandle fd, out {{p}}Stats stats);

                """);
        }
        s.Append("}\n");
        return s.ToString();
    }
}

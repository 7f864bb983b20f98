using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IoctlSharp.Generators.Abi;
using IoctlSharp.Generators.Model;
using IoctlSharp.Generators.Tests.LayoutOracle;
using Xunit;
using Xunit.Abstractions;

namespace IoctlSharp.Generators.Tests;

/// <summary>
/// The layout engine places bit-fields as gcc does: random structs mixing ordinary members and bit-fields (every
/// integer type and <c>_Bool</c>, named and unnamed, zero-width, runs split over several storage members), plain,
/// <c>packed</c> or under <c>#pragma pack(N)</c>, are laid out by the engine and compiled by <c>gcc -m64</c> and
/// <c>gcc -m32</c>; every sizeof, _Alignof, member offset and every named bit-field's bit position (read back from a
/// static object with that bit-field set to all ones) must agree. IOCTLSHARP_BITS_CASES and IOCTLSHARP_BITS_SEED
/// change the count and the seed.
/// </summary>
public class BitFieldOracleTests
{
    private const int DefaultCases = 300;
    private const int DefaultSeed = 20261202;

    private static readonly (ScalarKind Kind, string C, int Bits)[] Types =
    {
        (ScalarKind.U8, "unsigned char", 8), (ScalarKind.S8, "signed char", 8), (ScalarKind.U16, "unsigned short", 16),
        (ScalarKind.S16, "short", 16), (ScalarKind.U32, "unsigned int", 32), (ScalarKind.S32, "int", 32),
        (ScalarKind.U64, "unsigned long long", 64), (ScalarKind.S64, "long long", 64), (ScalarKind.Bool, "_Bool", 1),
    };

    private readonly ITestOutputHelper _output;

    public BitFieldOracleTests(ITestOutputHelper output) => _output = output;

    private sealed record Case(int Index, AggregateModel Model, string C, List<string> Expressions, List<(string Object, int Field, int Bit)> Objects);

    private static Case Make(int seed, int index)
    {
        var rng = new Random(unchecked(seed * 31 + index * 7919));
        string name = "b" + index.ToString(CultureInfo.InvariantCulture);
        int mode = rng.Next(6);
        bool packed = mode == 0;
        int pack = mode == 1 ? new[] { 1, 2, 4 }[rng.Next(3)] : 0;
        var fields = new List<FieldModel>();
        var c = new StringBuilder();
        if (pack > 0) c.Append($"#pragma pack(push, {pack})\n");
        c.Append(packed ? $"struct __attribute__((packed)) {name} {{\n" : $"struct {name} {{\n");
        var run = new List<BitFieldModel>();
        int members = 1 + rng.Next(10), named = 0;

        void Flush()
        {
            if (run.Count == 0) return;
            fields.Add(new FieldModel("S" + fields.Count.ToString(CultureInfo.InvariantCulture), new AbiType(AbiTypeKind.Scalar, ScalarKind.U8, "byte", "__u8"),
                0, false, false, BitFields: run.ToEquatableArray()));
            run = new List<BitFieldModel>();
        }

        for (int m = 0; m < members; m++)
        {
            var (kind, cType, bits) = Types[rng.Next(Types.Length)];
            if (rng.Next(3) == 0)
            {
                Flush();
                if (kind == ScalarKind.Bool) (kind, cType) = (ScalarKind.U8, "unsigned char");
                string f = "m" + m.ToString(CultureInfo.InvariantCulture);
                fields.Add(new FieldModel(f, new AbiType(AbiTypeKind.Scalar, kind, "x", cType), 0, false, false));
                c.Append($"    {cType} {f};\n");
                continue;
            }

            int r = rng.Next(10);
            int width = r == 0 ? 0 : r == 1 ? bits : 1 + rng.Next(bits);
            bool unnamed = width == 0 || rng.Next(6) == 0;
            string? bf = unnamed ? null : "f" + m.ToString(CultureInfo.InvariantCulture);
            run.Add(new BitFieldModel(bf, bf, kind, "x", width));
            c.Append($"    {cType} {bf}:{width};\n");
            if (bf is not null) named++;
            if (rng.Next(4) == 0) Flush(); // a run split over storage members is still one run in C
        }

        Flush();
        c.Append("};\n");
        if (pack > 0) c.Append("#pragma pack(pop)\n");

        var model = new AggregateModel("Oracle." + name, name, name, false, pack, 0, 0, 0, 0, fields.ToEquatableArray(), null, Packed: packed);
        var expressions = new List<string> { $"sizeof(struct {name})", $"_Alignof(struct {name})" };
        var objects = new List<(string, int, int)>();
        for (int i = 0; i < fields.Count; i++)
        {
            if (!fields[i].IsBitFieldStorage)
            {
                expressions.Add($"__builtin_offsetof(struct {name}, {fields[i].Name})");
                continue;
            }

            for (int k = 0; k < fields[i].BitFields.Count; k++)
            {
                if (fields[i].BitFields[k].Name is not { } bf) continue;
                string obj = $"{name}_{bf}";
                c.Append($"const struct {name} {obj} = {{ .{bf} = -1 }};\n");
                objects.Add((obj, i, k));
            }
        }

        return new Case(index, model, c.ToString(), expressions, objects);
    }

    [Fact]
    public void EngineBitFieldLayoutsOfRandomStructsMatchGccOnX86_64AndI386()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("IOCTLSHARP_BITS_CASES"), out int n) && n > 0 ? n : DefaultCases;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("IOCTLSHARP_BITS_SEED"), out int s) && s > 0 ? s : DefaultSeed;
        var all = Enumerable.Range(0, cases).Select(i => Make(seed, i)).ToList();
        string program = GccValues.Program("#pragma GCC diagnostic ignored \"-Woverflow\"\n" + string.Concat(all.Select(x => x.C)),
            all.SelectMany(x => x.Expressions).ToList());
        var targets = new[] { AbiTarget.X86_64, AbiTarget.I386 };
        var asm = targets.AsParallel().ToDictionary(t => t, t => GccValues.Assemble(t, program));

        var failures = new List<string>();
        long compared = 0, bitValues = 0;
        foreach (var target in targets)
        {
            string text = asm[target];
            var values = GccValues.ReadArray(text);
            var abi = TargetAbi.All[(int)target];
            int at = 0;
            foreach (var x in all)
            {
                var layout = LayoutEngine.Layout(x.Model, abi);
                var ours = new List<uint> { (uint)layout.Size, (uint)layout.Align };
                ours.AddRange(layout.Fields.Where((_, i) => !x.Model.Fields[i].IsBitFieldStorage).Select(f => (uint)f.Offset));
                var theirs = values.Skip(at).Take(ours.Count).ToList();
                at += ours.Count;
                compared += ours.Count;
                if (!ours.SequenceEqual(theirs))
                    failures.Add($"{target} case {x.Index}: gcc sizeof/_Alignof/offsets {string.Join(",", theirs)}, engine {string.Join(",", ours)}\n{x.C}");

                foreach (var (obj, field, bit) in x.Objects)
                {
                    var bytes = GccValues.ReadBytes(text, obj);
                    var set = Enumerable.Range(0, bytes.Count * 8).Where(q => (bytes[q / 8] >> (q % 8) & 1) != 0).ToList();
                    var placed = layout.Fields[field].BitFields[bit];
                    compared += 2;
                    bitValues += 2;
                    if (set.Count != placed.Width || set.FirstOrDefault() != placed.BitOffset)
                        failures.Add($"{target} case {x.Index}: {obj} is at bit {set.FirstOrDefault()} ({set.Count} bits) in gcc, {placed.BitOffset} ({placed.Width}) in the engine\n{x.C}");
                }
            }
        }

        _output.WriteLine($"{cases} random structs (seed {seed}): {compared} values compared with gcc -m64 and -m32, {bitValues} of them bit positions and widths");
        Assert.True(failures.Count == 0, $"{failures.Count} disagreements; the first:\n" + string.Join("\n", failures.Take(3)));
        Assert.True(bitValues > cases, $"only {bitValues} bit-field values for {cases} cases");
    }
}

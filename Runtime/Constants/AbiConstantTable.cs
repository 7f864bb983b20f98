using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace IoctlSharp;

/// <summary>
/// C constants of one header by name, with the number each target's gcc gives them: <see cref="Errno.Table"/>
/// (<c>&lt;asm/errno.h&gt;</c>) and <see cref="OpenFlagsExtensions.Table"/> (the <c>O_*</c> names of
/// <c>&lt;asm/fcntl.h&gt;</c>). Names are case-sensitive C spellings; a name a target's header does not define has
/// no number there.
/// </summary>
public sealed class AbiConstantTable
{
    internal readonly record struct Entry(string Name, long Number, bool Alias = false);

    private readonly byte[] _tableOf;
    private readonly Entry[][] _tables;
    private readonly Dictionary<string, long>[] _byName;
    private readonly Dictionary<long, string>[] _byNumber;

    internal AbiConstantTable(string header, byte[] tableOf, Entry[][] tables)
    {
        Header = header;
        _tableOf = tableOf;
        _tables = new Entry[tables.Length][];
        _byName = new Dictionary<string, long>[tables.Length];
        _byNumber = new Dictionary<long, string>[tables.Length];
        for (int i = 0; i < tables.Length; i++)
        {
            // Every table after the first holds only the entries that differ from the first.
            var entries = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
            foreach (var e in tables[0])
                entries[e.Name] = e;
            if (i > 0)
                foreach (var e in tables[i])
                    entries[e.Name] = e;
            _tables[i] = new Entry[entries.Count];
            entries.Values.CopyTo(_tables[i], 0);
            _byName[i] = new Dictionary<string, long>(StringComparer.Ordinal);
            _byNumber[i] = new Dictionary<long, string>();
            foreach (var e in _tables[i])
            {
                _byName[i].Add(e.Name, e.Number);
                // A number's name is one the header defines with a number, not another name (EAGAIN, not
                // EWOULDBLOCK); of two such names the first in ordinal order.
                if (!e.Alias)
                    _byNumber[i].TryAdd(e.Number, e.Name);
            }
        }
    }

    /// <summary>
    /// A table of <paramref name="constants"/> (name and number), the same on every target but where
    /// <paramref name="perTarget"/> gives a target its own number: what the generator emits as an
    /// <c>[AbiConstants]</c> class's <c>Constants</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A name twice, or a per-target number for a name that is not a constant.</exception>
    public static AbiConstantTable Create(string header, (string Name, long Number)[] constants, params (AbiTarget Target, string Name, long Number)[] perTarget)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(constants);
        ArgumentNullException.ThrowIfNull(perTarget);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in constants)
            if (!names.Add(name))
                throw new ArgumentException($"{name} is given twice.", nameof(constants));
        var tableOf = new byte[AbiTargetRow.All.Length];
        var tables = new List<Entry[]> { Array.ConvertAll(constants, c => new Entry(c.Name, c.Number)) };
        foreach (var group in System.Linq.Enumerable.GroupBy(perTarget, p => p.Target))
        {
            if ((uint)group.Key >= (uint)tableOf.Length)
                throw new ArgumentOutOfRangeException(nameof(perTarget), group.Key, "not an AbiTarget value");
            foreach (var p in group)
                if (!names.Contains(p.Name))
                    throw new ArgumentException($"{p.Name} has a number on {group.Key.CName()} but is not a constant.", nameof(perTarget));
            tableOf[(int)group.Key] = checked((byte)tables.Count);
            tables.Add(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(group, p => new Entry(p.Name, p.Number))));
        }

        return new AbiConstantTable(header, tableOf, tables.ToArray());
    }

    /// <summary>The header the names come from, as C includes it (<c>&lt;asm/errno.h&gt;</c>).</summary>
    public string Header { get; }

    /// <summary>The number of <paramref name="name"/> on <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not defined by the header on <paramref name="target"/>.</exception>
    public long Number(string name, AbiTarget target)
        => TryGetNumber(name, target, out long number) ? number
            : throw new ArgumentException($"{Header} defines no {name} on {target.CName()}.", nameof(name));

    /// <summary>The number of <paramref name="name"/> on <paramref name="target"/>; false where the header does not define it.</summary>
    public bool TryGetNumber(string name, AbiTarget target, out long number)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName[Index(target)].TryGetValue(name, out number);
    }

    /// <summary>The name of <paramref name="number"/> on <paramref name="target"/> (where two names share it, the one not defined as the other).</summary>
    /// <exception cref="ArgumentException">No name has <paramref name="number"/> on <paramref name="target"/>.</exception>
    public string Name(long number, AbiTarget target)
        => TryGetName(number, target, out string? name) ? name
            : throw new ArgumentException($"{Header} names no number {number.ToString(CultureInfo.InvariantCulture)} on {target.CName()}.", nameof(number));

    /// <summary>The name of <paramref name="number"/> on <paramref name="target"/>; false where no name has it.</summary>
    public bool TryGetName(long number, AbiTarget target, [NotNullWhen(true)] out string? name)
        => _byNumber[Index(target)].TryGetValue(number, out name);

    /// <summary>Every name the header defines on <paramref name="target"/>, in ordinal order.</summary>
    public IReadOnlyList<string> Names(AbiTarget target)
        => Array.ConvertAll(_tables[Index(target)], e => e.Name);

    /// <summary>True where the header defines <paramref name="name"/> as another name (<c>#define EWOULDBLOCK EAGAIN</c>).</summary>
    internal bool IsAlias(string name, AbiTarget target) => Array.Exists(_tables[Index(target)], e => e.Alias && e.Name == name);

    private int Index(AbiTarget target)
        => (uint)target < (uint)_tableOf.Length ? _tableOf[(int)target]
            : throw new ArgumentOutOfRangeException(nameof(target), target, "not an AbiTarget value");
}

using System;

namespace IoctlSharp;

/// <summary>
/// open(2) flags, portable: the values are the kernel's generic numbers (<c>asm-generic/fcntl.h</c>, as x86_64 has
/// them), and <see cref="OpenFlagsExtensions.ToNative"/> gives a target's own (<c>O_NONBLOCK</c> is 0x800 on x86_64,
/// 0x80 on mips, 0x4000 on sparc64, 0x4 on alpha, 0x10004 on hppa). <see cref="FileDescriptorHandle.Open(string, OpenFlags, System.IO.UnixFileMode)"/>
/// takes them. Exactly one of <see cref="ReadOnly"/>, <see cref="WriteOnly"/> and <see cref="ReadWrite"/> is the access mode.
/// </summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1008:Enums should have zero value", Justification = "O_RDONLY is 0, as in C.")]
public enum OpenFlags
{
    /// <summary><c>O_RDONLY</c>: the access mode is reading (0).</summary>
    ReadOnly = 0,
    /// <summary><c>O_WRONLY</c>.</summary>
    WriteOnly = 0x1,
    /// <summary><c>O_RDWR</c>.</summary>
    ReadWrite = 0x2,
    /// <summary><c>O_CREAT</c>: create the file if it does not exist (with the mode given to Open).</summary>
    Create = 0x40,
    /// <summary><c>O_EXCL</c>: with <see cref="Create"/>, fail with <c>EEXIST</c> if the file exists.</summary>
    Exclusive = 0x80,
    /// <summary><c>O_NOCTTY</c>: a terminal does not become the controlling terminal.</summary>
    NoControllingTerminal = 0x100,
    /// <summary><c>O_TRUNC</c>.</summary>
    Truncate = 0x200,
    /// <summary><c>O_APPEND</c>.</summary>
    Append = 0x400,
    /// <summary><c>O_NONBLOCK</c> (<c>O_NDELAY</c>).</summary>
    NonBlocking = 0x800,
    /// <summary><c>O_DSYNC</c>.</summary>
    DataSync = 0x1000,
    /// <summary><c>O_DIRECT</c>.</summary>
    Direct = 0x4000,
    /// <summary><c>O_LARGEFILE</c>.</summary>
    LargeFile = 0x8000,
    /// <summary><c>O_DIRECTORY</c>: fail with <c>ENOTDIR</c> unless the path is a directory.</summary>
    Directory = 0x10000,
    /// <summary><c>O_NOFOLLOW</c>.</summary>
    NoFollow = 0x20000,
    /// <summary><c>O_NOATIME</c>.</summary>
    NoAccessTime = 0x40000,
    /// <summary><c>O_CLOEXEC</c>: the descriptor is closed by execve.</summary>
    CloseOnExec = 0x80000,
    /// <summary><c>O_SYNC</c> (<c>__O_SYNC | O_DSYNC</c>: it includes <see cref="DataSync"/>).</summary>
    Sync = 0x101000,
    /// <summary><c>O_PATH</c>.</summary>
    Path = 0x200000,
    /// <summary><c>O_TMPFILE</c> (<c>__O_TMPFILE | O_DIRECTORY</c>: it includes <see cref="Directory"/>).</summary>
    TemporaryFile = 0x410000,
}

/// <summary>Target numbers of <see cref="OpenFlags"/>.</summary>
public static class OpenFlagsExtensions
{
    // Composite flags before the flags they include, so O_SYNC's numbers are the target's O_SYNC, not O_DSYNC's.
    private static readonly (OpenFlags Flag, string Name)[] s_names =
    {
        (OpenFlags.Sync, "O_SYNC"), (OpenFlags.TemporaryFile, "O_TMPFILE"),
        (OpenFlags.WriteOnly, "O_WRONLY"), (OpenFlags.ReadWrite, "O_RDWR"), (OpenFlags.Create, "O_CREAT"),
        (OpenFlags.Exclusive, "O_EXCL"), (OpenFlags.NoControllingTerminal, "O_NOCTTY"), (OpenFlags.Truncate, "O_TRUNC"),
        (OpenFlags.Append, "O_APPEND"), (OpenFlags.NonBlocking, "O_NONBLOCK"), (OpenFlags.DataSync, "O_DSYNC"),
        (OpenFlags.Direct, "O_DIRECT"), (OpenFlags.LargeFile, "O_LARGEFILE"), (OpenFlags.Directory, "O_DIRECTORY"),
        (OpenFlags.NoFollow, "O_NOFOLLOW"), (OpenFlags.NoAccessTime, "O_NOATIME"), (OpenFlags.CloseOnExec, "O_CLOEXEC"),
        (OpenFlags.Path, "O_PATH"),
    };

    /// <summary>Every target's <c>O_*</c> names and numbers, as its <c>&lt;asm/fcntl.h&gt;</c> (with <c>asm-generic/fcntl.h</c>) defines them.</summary>
    public static AbiConstantTable Table => TargetConstants.OpenFlags;

    /// <summary>The C name of each flag (<c>O_CLOEXEC</c> for <see cref="OpenFlags.CloseOnExec"/>), composite flags first.</summary>
    internal static ReadOnlySpan<(OpenFlags Flag, string Name)> Names => s_names;

    /// <summary>The number open(2) takes for <paramref name="flags"/> on <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flags"/> holds a bit no flag has, or both <see cref="OpenFlags.WriteOnly"/> and <see cref="OpenFlags.ReadWrite"/>.</exception>
    public static int ToNative(this OpenFlags flags, AbiTarget target)
    {
        if ((flags & (OpenFlags.WriteOnly | OpenFlags.ReadWrite)) == (OpenFlags.WriteOnly | OpenFlags.ReadWrite))
            throw new ArgumentOutOfRangeException(nameof(flags), flags, "WriteOnly and ReadWrite are two access modes; give one.");
        int native = (int)Table.Number("O_RDONLY", target); // the access mode when neither write flag is given (0)
        var left = flags;
        foreach (var (flag, name) in s_names)
        {
            if ((left & flag) != flag)
                continue;
            native |= (int)Table.Number(name, target); // O_* numbers are int in C
            left &= ~flag;
        }

        return left == 0 ? native : throw new ArgumentOutOfRangeException(nameof(flags), flags, $"0x{(int)left:X} is no open flag.");
    }
}

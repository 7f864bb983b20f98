using System;
using System.Runtime.CompilerServices;

namespace IoctlSharp;

/// <summary>
/// The outcome of an ioctl, without an exception: the non-negative result, or the errno. A value type of two ints,
/// so a loop that expects errors (KVM_RUN returning EINTR) allocates nothing. Declare a wrapper that returns it —
/// <c>public static partial IoctlResult TryRun(SafeHandle vcpu);</c> — or call <c>Ioctl.TryInvoke*</c>.
/// </summary>
public readonly struct IoctlResult : IEquatable<IoctlResult>
{
    /// <summary>Creates a result: <paramref name="errno"/> 0 means success with <paramref name="value"/>.</summary>
    public IoctlResult(int value, int errno)
    {
        Value = errno == 0 ? value : -1;
        Errno = errno;
    }

    /// <summary>The request's non-negative result; -1 when it failed.</summary>
    public int Value { get; }

    /// <summary>The errno, 0 when the request succeeded.</summary>
    public int Errno { get; }

    /// <summary>True when the request succeeded.</summary>
    public bool IsSuccess => Errno == 0;

    /// <summary>The errno's symbolic name (<c>EINTR</c>), or null on success.</summary>
    public string? ErrnoName => Errno == 0 ? null : IoctlSharp.Errno.Name(Errno);

    /// <summary>The result, or an <see cref="IoctlException"/> for the errno.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ValueOrThrow(string requestName, uint request)
    {
        if (Errno != 0)
            Throw(Errno, requestName, request);
        return Value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(int errno, string requestName, uint request) => throw new IoctlException(errno, requestName, request);

    /// <inheritdoc/>
    public bool Equals(IoctlResult other) => Value == other.Value && Errno == other.Errno;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IoctlResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Errno);

    /// <inheritdoc/>
    public override string ToString() => Errno == 0 ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : IoctlSharp.Errno.Name(Errno);

    /// <summary>Compares two results.</summary>
    public static bool operator ==(IoctlResult left, IoctlResult right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    public static bool operator !=(IoctlResult left, IoctlResult right) => !left.Equals(right);
}

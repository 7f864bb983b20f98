using System;

namespace Sample.Driver.Hypercalls;

/// <summary>Counts of hypercalls by request type and outcome, kept without allocating.</summary>
public sealed class HypercallStats
{
    /// <summary>The request types counted, in summary order; anything else counts as <see cref="Unknown"/>.</summary>
    public static readonly VmmDevRequestType[] Types =
    [
        VmmDevRequestType.LogString, VmmDevRequestType.GetHostVersion, VmmDevRequestType.GetHostTime,
        VmmDevRequestType.HgcmConnect, VmmDevRequestType.HgcmCall32, VmmDevRequestType.HgcmCall64,
        VmmDevRequestType.HgcmDisconnect,
    ];

    private readonly long[] _byType = new long[Types.Length];

    /// <summary>Requests whose type this VMM does not serve (answered VERR_NOT_IMPLEMENTED).</summary>
    public long Unknown { get; private set; }
    /// <summary>Requests whose header was not even inside guest RAM: no answer could be written.</summary>
    public long Unreachable { get; private set; }
    /// <summary>Requests answered with an error status in the header's rc.</summary>
    public long Refused { get; private set; }
    /// <summary>Every hypercall (port write) seen.</summary>
    public long Total { get; private set; }

    public long this[VmmDevRequestType type] => Array.IndexOf(Types, type) is var i and >= 0 ? _byType[i] : 0;

    internal void Count(VmmDevRequestType type, int rc)
    {
        Total++;
        int i = Slot(type);
        if (i >= 0) _byType[i]++;
        else Unknown++;
        if (rc < 0) Refused++;
    }

    internal void CountUnreachable()
    {
        Total++;
        Unreachable++;
    }

    private static int Slot(VmmDevRequestType type) => type switch
    {
        VmmDevRequestType.LogString => 0,
        VmmDevRequestType.GetHostVersion => 1,
        VmmDevRequestType.GetHostTime => 2,
        VmmDevRequestType.HgcmConnect => 3,
        VmmDevRequestType.HgcmCall32 => 4,
        VmmDevRequestType.HgcmCall64 => 5,
        VmmDevRequestType.HgcmDisconnect => 6,
        _ => -1,
    };

    /// <summary>The request type's VMMDEVREQ_ name.</summary>
    public static string Name(VmmDevRequestType type) => type switch
    {
        VmmDevRequestType.LogString => "LOG_STRING",
        VmmDevRequestType.GetHostVersion => "GET_HOST_VERSION",
        VmmDevRequestType.GetHostTime => "GET_HOST_TIME",
        VmmDevRequestType.HgcmConnect => "HGCM_CONNECT",
        VmmDevRequestType.HgcmCall32 => "HGCM_CALL32",
        VmmDevRequestType.HgcmCall64 => "HGCM_CALL64",
        VmmDevRequestType.HgcmDisconnect => "HGCM_DISCONNECT",
        _ => "type " + ((uint)type).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

using System.Runtime.InteropServices;
using IoctlSharp;

namespace Sample.Driver.Hypercalls;

// The VMMDev request ABI the VMM serves, declared once. Its C twin is Guests/vmmdev.h, which the guests include;
// tests/Sample.Driver.Tests compiles that header with gcc for i386 and x86_64 and checks every size, offset and
// number against these declarations. Names and numbers are those of linux/vbox_vmmdev_types.h and vbox_err.h.

/// <summary><c>enum vmmdev_request_type</c>: the requests this VMM serves.</summary>
public enum VmmDevRequestType : uint
{
    GetHostVersion = 4,
    GetHostTime = 10,
    HgcmConnect = 60,
    HgcmDisconnect = 61,
    HgcmCall32 = 62,
    HgcmCall64 = 63,
    LogString = 200,
}

/// <summary>VirtualBox status codes (vbox_err.h) the VMM answers with.</summary>
public static class VBoxStatus
{
    public const int Success = 0;
    public const int GeneralFailure = -1;
    public const int InvalidParameter = -2;
    public const int InvalidHandle = -4;
    public const int InvalidPointer = -6;
    public const int VersionMismatch = -11;
    public const int NotImplemented = -12;
    public const int NotSupported = -37;
    public const int BufferOverflow = -41;
    public const int TooMuchData = -42;
    public const int OutOfRange = -54;
    public const int NotFound = -78;

    /// <summary>The status's name (<c>VERR_NOT_FOUND</c>).</summary>
    public static string Name(int status) => status switch
    {
        Success => "VINF_SUCCESS",
        GeneralFailure => "VERR_GENERAL_FAILURE",
        InvalidParameter => "VERR_INVALID_PARAMETER",
        InvalidHandle => "VERR_INVALID_HANDLE",
        InvalidPointer => "VERR_INVALID_POINTER",
        VersionMismatch => "VERR_VERSION_MISMATCH",
        NotImplemented => "VERR_NOT_IMPLEMENTED",
        NotSupported => "VERR_NOT_SUPPORTED",
        BufferOverflow => "VERR_BUFFER_OVERFLOW",
        TooMuchData => "VERR_TOO_MUCH_DATA",
        OutOfRange => "VERR_OUT_OF_RANGE",
        NotFound => "VERR_NOT_FOUND",
        _ => "VERR(" + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
    };
}

/// <summary><c>struct vmmdev_request_header</c>: starts every request.</summary>
[AbiStruct(ExpectedSize = 24)]
public partial struct VmmDevRequestHeader
{
    /// <summary>VMMDEV_REQUEST_HEADER_VERSION.</summary>
    public const uint CurrentVersion = 0x10001;

    public uint Size;
    public uint Version;
    public VmmDevRequestType RequestType;
    public int Rc;
    public uint Reserved1;
    public uint Requestor;
}

/// <summary>VMMDEVREQ_GET_HOST_VERSION.</summary>
[AbiStruct(ExpectedSize = 40)]
public partial struct VmmDevHostVersion
{
    public VmmDevRequestHeader Header;
    public ushort Major;
    public ushort Minor;
    public uint Build;
    public uint Revision;
    public uint Features;
}

/// <summary>VMMDEVREQ_GET_HOST_TIME: milliseconds since the Unix epoch.</summary>
[AbiStruct(ExpectedSize = 32)]
public partial struct VmmDevHostTime
{
    public VmmDevRequestHeader Header;
    public ulong TimeMs;
}

/// <summary>VMMDEVREQ_LOG_STRING: the header, then the text (up to <c>Header.Size</c>; a NUL ends it early).</summary>
[AbiStruct(ExpectedSize = 24), FlexibleArray(typeof(byte), Name = "Text")]
public partial struct VmmDevLogString
{
    public VmmDevRequestHeader Header;
}

/// <summary><c>enum vmmdev_hgcm_service_location_type</c>.</summary>
public enum HgcmServiceLocationType : uint
{
    Invalid = 0,
    Localhost = 1,
    LocalhostExisting = 2,
}

/// <summary><c>struct vmmdev_hgcm_service_location</c> (the localhost member of its union, the only one).</summary>
[AbiStruct(ExpectedSize = 132)]
public unsafe partial struct HgcmServiceLocation
{
    public HgcmServiceLocationType Type;
    public fixed byte ServiceName[128];
}

/// <summary><c>struct vmmdev_hgcmreq_header</c>: the request header plus the service's own result.</summary>
[AbiStruct(ExpectedSize = 32)]
public partial struct HgcmRequestHeader
{
    public VmmDevRequestHeader Header;
    public uint Flags;
    public int Result;
}

/// <summary>VMMDEVREQ_HGCM_CONNECT.</summary>
[AbiStruct(ExpectedSize = 168)]
public partial struct HgcmConnect
{
    public HgcmRequestHeader Header;
    public HgcmServiceLocation Location;
    public uint ClientId;
}

/// <summary>VMMDEVREQ_HGCM_DISCONNECT.</summary>
[AbiStruct(ExpectedSize = 36)]
public partial struct HgcmDisconnect
{
    public HgcmRequestHeader Header;
    public uint ClientId;
}

/// <summary>
/// VMMDEVREQ_HGCM_CALL32 and _CALL64: the call, then <c>ParmCount</c> parameters in the caller's own layout
/// (<see cref="HgcmFunctionParameter"/>: 12 bytes each from a 32-bit guest, 16 from a 64-bit one).
/// </summary>
[AbiStruct(ExpectedSize = 44), FlexibleArray(typeof(HgcmFunctionParameter), Name = "Parms")]
public partial struct HgcmCall
{
    public HgcmRequestHeader Header;
    public uint ClientId;
    public uint Function;
    public uint ParmCount;
}

/// <summary><c>enum vmmdev_hgcm_function_parameter_type</c>, the kinds this VMM accepts.</summary>
public enum HgcmParameterType : uint
{
    Invalid = 0,
    Bit32 = 1,
    Bit64 = 2,
    LinAddr = 4,
    LinAddrIn = 5,
    LinAddrOut = 6,
    PageList = 10,
}

/// <summary>The address member of a pointer parameter: pointer-sized, so 4 bytes on ILP32 and 8 on LP64.</summary>
[AbiUnion(Pack = 1)]
public partial struct HgcmLinearAddress
{
    [FieldOffset(0)] public nuint PhysAddr;
    [FieldOffset(0)] public nuint LinearAddr;
}

/// <summary>A buffer in guest memory: its size and linear address.</summary>
[AbiStruct(Pack = 1)]
public partial struct HgcmPointerParameter
{
    public uint Size;
    public HgcmLinearAddress U;
}

/// <summary>A page-list parameter (declared for the layout; this VMM refuses the type).</summary>
[AbiStruct]
public partial struct HgcmPageListParameter
{
    public uint Size;
    public uint Offset;
}

/// <summary>The value member of a parameter.</summary>
[AbiUnion(Pack = 1)]
public partial struct HgcmParameterValue
{
    [FieldOffset(0), AbiCase(HgcmParameterType.Bit32)] public uint Value32;
    [FieldOffset(0), AbiCase(HgcmParameterType.Bit64)] public ulong Value64;
    [FieldOffset(0), AbiCase(HgcmParameterType.LinAddr, HgcmParameterType.LinAddrIn, HgcmParameterType.LinAddrOut)]
    public HgcmPointerParameter Pointer;
    [FieldOffset(0), AbiCase(HgcmParameterType.PageList)] public HgcmPageListParameter PageList;
}

/// <summary>
/// <c>vmmdev_hgcm_function_parameter32</c> on ILP32 targets (12 bytes) and <c>..64</c> on LP64 ones (16 bytes),
/// from this one declaration. <see cref="Type"/> says which member of <see cref="U"/> is active, so IoctlSharp
/// generates the 32-bit twin (<c>HgcmFunctionParameter.I386</c>) and the conversions that translate that member
/// only; a type no member claims is an error, never a guess.
/// </summary>
[AbiStruct(Pack = 1, ExpectedSize32 = 12, ExpectedSize64 = 16, CName = "vmmdev_hgcm_function_parameter")]
public partial struct HgcmFunctionParameter
{
    public HgcmParameterType Type;
    [AbiDiscriminator(nameof(Type))] public HgcmParameterValue U;
}

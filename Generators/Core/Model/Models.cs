using System.Linq;

namespace IoctlSharp.Generators.Model;

// Pipeline models: small values that compare by content. They hold no ISymbol, SyntaxNode, Location or
// Compilation (a test walks them to prove it), so the incremental pipeline can cache them.

/// <summary>A C scalar, by the C# type that declares it.</summary>
internal enum ScalarKind
{
    None,
    U8, S8, U16, S16, U32, S32, U64, S64,
    F32, F64,
    Bool,
    /// <summary>C <c>long</c> (<c>CLong</c>): pointer-sized, sign-extends between ABIs.</summary>
    CLong,
    /// <summary>C <c>unsigned long</c> (<c>CULong</c>).</summary>
    CULong,
    /// <summary><c>nint</c>: <c>ssize_t</c>.</summary>
    NInt,
    /// <summary><c>nuint</c>: <c>size_t</c>.</summary>
    NUInt,
    /// <summary>A user pointer (<c>T*</c>): zero-extends between ABIs, as compat_ptr() does.</summary>
    Pointer,
}

internal enum AbiTypeKind
{
    Scalar,
    Array,
    Aggregate,
}

/// <summary>The C type of a member or an ioctl argument.</summary>
/// <param name="CSharpName">The fully qualified C# type (<c>global::Ns.T</c>); for a fixed buffer, the element type.</param>
/// <param name="CName">How C spells it (<c>__u64</c>, <c>struct kvm_regs</c>).</param>
/// <param name="Scalar">A scalar's kind; for an [AbiTypedef] typedef, its .NET <c>Value</c>'s.</param>
/// <param name="Length">An array's length; for an [AbiLength] array, its .NET length.</param>
/// <param name="PerTarget">An [AbiTypedef] typedef (<c>CSharpName</c> is its struct): its <see cref="ScalarKind"/> on each target, in <c>TargetAbi.All</c> order; empty otherwise.</param>
/// <param name="Lengths">An [AbiLength] array: its length on each target, in <c>TargetAbi.All</c> order; empty otherwise.</param>
internal sealed record AbiType(
    AbiTypeKind Kind,
    ScalarKind Scalar,
    string CSharpName,
    string CName,
    int Length = 0,
    AbiType? Element = null,
    AggregateModel? Aggregate = null,
    EquatableArray<int> PerTarget = default,
    EquatableArray<int> Lengths = default)
{
    /// <summary>The scalar's kind on <paramref name="target"/>.</summary>
    public ScalarKind ScalarOn(Abi.TargetAbi target) => PerTarget.Count == 0 ? Scalar : (ScalarKind)PerTarget[(int)target.Target];

    /// <summary>The array's length on <paramref name="target"/>.</summary>
    public int LengthOn(Abi.TargetAbi target) => Lengths.Count == 0 ? Length : Lengths[(int)target.Target];

    /// <summary>An [AbiTypedef] typedef (a struct whose <c>Value</c> holds the value in .NET).</summary>
    public bool IsTypedef => PerTarget.Count > 0;

    /// <summary>
    /// True when C lays this type out on <paramref name="target"/> otherwise than .NET lays out its declaration:
    /// a typedef whose type there is not its <c>Value</c>'s, or an array whose length there is not its .NET length, at any depth.
    /// </summary>
    public bool NetViewDiffers(Abi.TargetAbi target) => Kind switch
    {
        AbiTypeKind.Scalar => ScalarOn(target) != Scalar,
        AbiTypeKind.Array => LengthOn(target) != Length || Element!.NetViewDiffers(target),
        _ => Aggregate!.NetViewDiffers(target),
    };

    /// <summary>True when the type's layout may differ between targets of one layout class (a typedef or an [AbiLength] array, at any depth).</summary>
    public bool TargetDependent => PerTarget.Count > 0 || Lengths.Count > 0 || (Element?.TargetDependent ?? false) || (Aggregate?.TargetDependent ?? false);
}

/// <param name="Align">From <c>[AbiAlign(N)]</c>; 0 = none.</param>
/// <param name="IsFixedBuffer">A C# <c>fixed</c> buffer (reading its address needs an unsafe context).</param>
/// <param name="Compat">Its union discriminator or cases, for the 32-bit conversions; null = none.</param>
/// <param name="IsVolatile">Declared <c>volatile</c>: taking its address to measure it needs CS0420 silenced.</param>
/// <param name="CName">The C member name ([AbiName], else <see cref="Parser.DefaultCName"/>); empty for an anonymous member.</param>
/// <param name="Anonymous">[AbiAnonymous]: a C11 anonymous struct or union, whose members the parent promotes.</param>
/// <param name="StringEncoding">[AbiString]'s encoding (AbiStringEncoding's value), or -1 without [AbiString].</param>
/// <param name="FdSetter">From <c>[AbiFileDescriptor]</c>: the name of the generated <c>SafeHandle</c> setter; null = none.</param>
/// <param name="BitFields">
/// The C bit-fields this member stores (<c>[AbiBitField]</c>, in declaration order); empty for an ordinary member.
/// A storage member is no C member itself: its bit-fields are laid out as gcc lays them out, and it covers their bytes.
/// </param>
internal sealed record FieldModel(string Name, AbiType Type, int Align, bool Packed, bool IsFixedBuffer, FieldCompat? Compat = null, bool IsVolatile = false,
    string CName = "", bool Anonymous = false, int StringEncoding = -1, EquatableArray<BitFieldModel> BitFields = default, string? FdSetter = null)
{
    public bool IsBitFieldStorage => BitFields.Count > 0;
}

/// <summary>One C bit-field, <c>T name : Width</c>.</summary>
/// <param name="Name">The C name; null for an unnamed bit-field (<c>int :3</c>, <c>int :0</c>).</param>
/// <param name="Property">The generated accessor's name (null when unnamed).</param>
/// <param name="Type">The declared C type: an integer scalar or <c>_Bool</c>.</param>
/// <param name="CSharpType">The accessor's C# type (an enum keeps its name).</param>
internal sealed record BitFieldModel(string? Name, string? Property, ScalarKind Type, string CSharpType, int Width)
{
    public bool IsSigned => Type is ScalarKind.S8 or ScalarKind.S16 or ScalarKind.S32 or ScalarKind.S64;
}

/// <summary>A C struct or union, with every nested aggregate inlined so that the model is self-contained.</summary>
/// <param name="FlexibleCount">The field that counts the flexible array's entries (<c>CountField</c>), or null.</param>
internal sealed record AggregateModel(
    string FullName,
    string Name,
    string CName,
    bool IsUnion,
    int Pack,
    int Align,
    int ExpectedSize,
    int ExpectedSize32,
    int ExpectedSize64,
    EquatableArray<FieldModel> Fields,
    FieldModel? Flexible,
    string? FlexibleCount = null,
    bool Packed = false)
{
    /// <summary>True when some member, at some depth, is laid out on <paramref name="target"/> otherwise than .NET lays out its declaration (<see cref="AbiType.NetViewDiffers"/>).</summary>
    public bool NetViewDiffers(Abi.TargetAbi target)
        => Fields.Any(f => f.Type.NetViewDiffers(target)) || (Flexible?.Type.NetViewDiffers(target) ?? false);

    /// <summary>True when a member, at some depth, is a per-target typedef or an [AbiLength] array.</summary>
    public bool TargetDependent => Fields.Any(f => f.Type.TargetDependent) || (Flexible?.Type.TargetDependent ?? false);
}

/// <summary>One type in the chain of declarations that encloses a generated partial (outermost first).</summary>
/// <param name="TypeParameters">As source spells them (<c>&lt;T, U&gt;</c>), or empty.</param>
internal sealed record ContainingType(string Keyword, string Name, string TypeParameters = "");

/// <summary>Where a partial type is declared: enough to open the same declaration again.</summary>
/// <param name="Key">
/// The type's full name, namespaces joined by '.', nested types by '+' (<c>Kvm.Outer+Regs</c>): unique per type,
/// and what <see cref="Rendering.HintNames"/> builds the generated files' names from.
/// </param>
/// <param name="TypeParameters">As source spells them (<c>&lt;T&gt;</c>), or empty; only a rejected generic type has any.</param>
internal sealed record TypeDeclaration(string Namespace, EquatableArray<ContainingType> Containing, string Keyword, string Name, string Key, string TypeParameters = "");

/// <summary>Why the parser rejected a declaration: the first error the analyzer reports for it.</summary>
internal sealed record Rejection(string Id, string Message);

/// <summary>
/// An [AbiStruct]/[AbiUnion] type. <see cref="Aggregate"/> is null exactly when the declaration was rejected: the
/// generator then emits only what keeps the user's own code compiling (so that the analyzer's error is the one a
/// command-line build shows).
/// </summary>
/// <param name="IsUnion">Declared [AbiUnion]: its [FieldOffset]s need an explicit layout even when it is rejected.</param>
/// <param name="OwnStructLayout">The user declared a [StructLayout] (ISH108): the generator must not add another.</param>
internal sealed record StructModel(TypeDeclaration Declaration, AggregateModel? Aggregate, Rejection? Rejection = null, bool IsUnion = false, bool OwnStructLayout = false);

/// <summary>How a wrapper passes its argument to ioctl(2).</summary>
internal enum ArgumentKind
{
    None,
    Ref,
    Value,
    Span,
    Pointer,
    /// <summary>A <c>FlexibleBuffer&lt;T, TEntry&gt;</c>: a pointer to its header, the size of <c>T</c>.</summary>
    FlexibleBuffer,
    /// <summary>A <c>SafeHandle</c> whose fd is passed by value (LOOP_SET_FD), with a reference held for the call.</summary>
    Handle,
}

/// <summary>How the number is made.</summary>
internal enum RequestForm
{
    /// <summary><c>_IOC(dir, type, nr, size)</c> in each target's encoding.</summary>
    Encoded,
    /// <summary>Numbers as written (<c>[IoctlRequest]</c>, <c>[IoctlRequestOn]</c>): no encoding applies.</summary>
    Literal,
}

/// <summary>What the request macro does with its argument (<c>[IoctlMacroArgument]</c>).</summary>
internal enum MacroArgument
{
    None,
    /// <summary>nr + argument (<c>EVIOCGABS(abs)</c>).</summary>
    AddsToNumber,
    /// <summary>size = argument × the size type's size (<c>SPI_IOC_MESSAGE(n)</c>).</summary>
    CountsSizeOf,
}

/// <summary>What a wrapper returns.</summary>
internal enum ReturnKind
{
    Void,
    /// <summary>The ioctl's non-negative result; errors throw.</summary>
    Int,
    /// <summary>An <c>IoctlResult</c>: the result or the errno, never throwing for an errno.</summary>
    Result,
    /// <summary>The new fd the ioctl returns, owned by a new instance of a SafeHandle type.</summary>
    Handle,
}

internal enum SizeSource
{
    /// <summary><c>_IO</c>: always 0.</summary>
    None,
    /// <summary>The C size of <see cref="IoctlModel.SizeType"/> on each target.</summary>
    Type,
    /// <summary>A literal from <c>[Ioctl(..., Size = N)]</c>.</summary>
    Literal,
    /// <summary>The span's length, at the call.</summary>
    AtCall,
}

internal sealed record ParameterModel(string RefKind, string Type, string Name);

/// <summary>
/// An ioctl method the parser rejected: the generator implements it with a body that throws, naming the
/// diagnostic, so the compiler never reports CS8795 in place of the analyzer's error.
/// </summary>
/// <param name="Signature">The implementation's declaration, as <see cref="IoctlModel.Signature"/>.</param>
internal sealed record RejectedIoctl(string MethodName, string Signature, Rejection Rejection);

/// <param name="Signature">The implementation's declaration line, modifiers to constraints, rendered once by the parser.</param>
/// <param name="RequestClass">The name of its class in the group's requests class, owned by <see cref="Rendering.GeneratedNames"/>.</param>
internal sealed record IoctlModel(
    string Signature,
    string RequestClass,
    string MethodName,
    string RequestName,
    string ReturnType,
    EquatableArray<ParameterModel> Parameters,
    ArgumentKind ArgumentKind,
    string? ArgumentRefKind,
    ScalarKind ArgumentScalar,
    string? StructToVerify,
    /// <summary>Bit 0 = write, bit 1 = read, as IoctlDirection.</summary>
    int Direction,
    string Macro,
    int Number,
    SizeSource SizeSource,
    AbiType? SizeType,
    int LiteralSize,
    /// <summary>The size field's value on each target, in <c>TargetAbi.All</c> order (0 for SizeAtCall).</summary>
    EquatableArray<int> Sizes,
    /// <summary>The request number on each target, in <c>TargetAbi.All</c> order.</summary>
    EquatableArray<uint> Numbers,
    ReturnKind Return = ReturnKind.Void,
    bool SuppressGCTransition = false,
    RequestForm Form = RequestForm.Encoded,
    MacroArgument MacroArgument = MacroArgument.None,
    /// <summary>The parameter passed to ioctl(2), or null; the macro argument's parameter, or null.</summary>
    string? ArgumentName = null,
    string? MacroArgumentName = null);

/// <summary>An [IoctlGroup] class. A rejected group has no valid ioctls: each becomes a <see cref="RejectedIoctl"/>.</summary>
/// <param name="RequestsClass">The name of the nested class of request numbers (<c>Requests</c> unless a member takes it).</param>
/// <param name="Unsafe">Some signature holds a pointer: the generated part of the class must be <c>unsafe</c>.</param>
internal sealed record GroupModel(
    TypeDeclaration Declaration,
    int Type,
    EquatableArray<IoctlModel> Ioctls,
    EquatableArray<RejectedIoctl> Rejected,
    string RequestsClass = "Requests",
    bool Unsafe = false);

/// <summary>One ioctl method of a type that is not an [IoctlGroup] (ISH202), and where its implementation goes.</summary>
internal sealed record OrphanIoctl(TypeDeclaration Declaration, RejectedIoctl Method, bool Unsafe);

/// <summary>Ioctl methods of one type that is not an [IoctlGroup] (ISH202): each gets a throwing implementation.</summary>
internal sealed record OrphanIoctls(TypeDeclaration Declaration, EquatableArray<RejectedIoctl> Methods, bool Unsafe);

/// <summary>A constant's value on one target where it differs (the value as a C# literal of the constant's type).</summary>
internal sealed record ConstantOnTarget(string Target, string Value);

/// <summary>One [AbiConstant] field: its C# name, C name, C# type keyword, and the targets with their own value.</summary>
internal sealed record ConstantModel(string Member, string CName, string Type, EquatableArray<ConstantOnTarget> PerTarget);

/// <summary>An [AbiConstants] class; with a <see cref="Rejection"/> every generated member throws it.</summary>
internal sealed record ConstantsModel(TypeDeclaration Declaration, string Header, EquatableArray<ConstantModel> Constants, Rejection? Rejection = null);

using Microsoft.CodeAnalysis;

namespace IoctlSharp.Generators.Diagnostics;

/// <summary>
/// Every IoctlSharp diagnostic. The generator reports none of them: given a declaration with an error it emits
/// only code that keeps the project compiling (a throwing body, an empty part), and the analyzer (which runs the
/// same parser) reports why.
/// </summary>
internal static class Descriptors
{
    private const string Layout = "IoctlSharp.Layout";
    private const string Request = "IoctlSharp.Request";

    private static DiagnosticDescriptor Error(string id, string title, string message, string category)
        => Create(id, title, message, category, DiagnosticSeverity.Error);

    /// <summary>Every rule links to its page under docs/diagnostics/: a bad example, the fix, and the ABI fact behind it.</summary>
    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity)
        => new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    /// <summary>Where the pages live unless a project sets the MSBuild property <c>IoctlSharpHelpLinkBase</c>.</summary>
    public const string DefaultHelpLinkBase = "https://github.com/ioctlsharp/IoctlSharp/blob/main/docs/diagnostics/";

    public static string HelpLink(string id, string helpLinkBase = DefaultHelpLinkBase) => helpLinkBase + id + ".md";

    public static readonly DiagnosticDescriptor MustBePartial = Error("ISH101",
        "ABI types and ioctl declarations must be partial",
        "'{0}' must be declared partial (with every type that contains it) so IoctlSharp can complete it", Layout);

    public static readonly DiagnosticDescriptor UnsupportedFieldType = Error("ISH102",
        "Field type has no C layout",
        "Field '{0}' has type '{1}', which has no C layout: {2}", Layout);

    public static readonly DiagnosticDescriptor ExpectedSizeMismatch = Error("ISH103",
        "Declared size contradicts the computed layout",
        "'{0}' declares a size of {1} bytes, but its C layout is {2} bytes on {3}", Layout);

    public static readonly DiagnosticDescriptor NotRepresentable = Error("ISH104",
        ".NET cannot reproduce this C layout",
        "'{0}': on {1} C lays out {2}, but .NET would lay it out {3}; declare the padding explicitly", Layout);

    public static readonly DiagnosticDescriptor CannotLayOut = Error("ISH105",
        "Type cannot be laid out",
        "'{0}' cannot be laid out: {1}", Layout);

    public static readonly DiagnosticDescriptor InvalidAttributeValue = Error("ISH106",
        "Attribute value out of range",
        "{0} of '{1}' is {2}: {3}", Layout);

    public static readonly DiagnosticDescriptor UnionMemberOffset = Error("ISH107",
        "Union members must be at offset 0",
        "Member '{0}' of union '{1}' must carry [FieldOffset(0)]", Layout);

    public static readonly DiagnosticDescriptor StructLayoutConflict = Error("ISH108",
        "ABI types get their StructLayout from IoctlSharp",
        "'{0}' declares its own [StructLayout]; remove it and let IoctlSharp compute the layout", Layout);

    public static readonly DiagnosticDescriptor EmptyStruct = Error("ISH109",
        "ABI type has no members",
        "'{0}' has no instance fields: an empty struct is 0 bytes in C and 1 byte in C#", Layout);

    public static readonly DiagnosticDescriptor GenericType = Error("ISH110",
        "ABI types and ioctl groups cannot be generic",
        "'{0}' is generic; C types and ioctl groups have one layout and one set of numbers", Layout);

    public static readonly DiagnosticDescriptor HiddenInstanceData = Error("ISH113",
        "ABI types hold only declared fields",
        "'{0}' cannot be laid out as C: {1}", Layout);

    public static readonly DiagnosticDescriptor UnsupportedTypeKind = Error("ISH112",
        "IoctlSharp cannot complete this kind of type",
        "'{0}' is a {1} type: {2}", Layout);

    public static readonly DiagnosticDescriptor UnknownSizeofType = Error("ISH150",
        "sizeof names no known C type",
        "The [AbiLength] of '{0}' takes sizeof({1}), which is no C integer type and no [AbiTypedef] typedef IoctlSharp knows", Layout);

    public static readonly DiagnosticDescriptor TypedefTargetWithoutType = Error("ISH151",
        "A target has no type for the typedef",
        "Typedef '{0}' ({1}) {2}", Layout);

    public static readonly DiagnosticDescriptor TypedefNotInteger = Error("ISH152",
        "A typedef's type is not a fixed-width integer",
        "Typedef '{0}' ({1}) is '{2}' {3}, which is not a fixed-width integer (byte, sbyte, ushort, short, uint, int, ulong, long)", Layout);

    public static readonly DiagnosticDescriptor TypedefValueMismatch = Error("ISH153",
        "A typedef's Value is not its type in a 64-bit .NET process",
        "Typedef '{0}' ({1}) {2}", Layout);

    public static readonly DiagnosticDescriptor InvalidLengthExpression = Error("ISH154",
        "[AbiLength] is not a length expression",
        "The [AbiLength] of '{0}' is \"{1}\", which is not a length expression: {2}", Layout);

    public static readonly DiagnosticDescriptor LengthNotPositive = Error("ISH155",
        "[AbiLength] gives no positive length",
        "The [AbiLength] of '{0}' is {1} on {2}: an array needs a length of at least 1", Layout);

    public static readonly DiagnosticDescriptor LengthContradictsArray = Error("ISH156",
        "[AbiLength] contradicts the declared array",
        "The [AbiLength] of '{0}' is {1} in a 64-bit .NET process, but the declared array has {2} elements", Layout);

    public static readonly DiagnosticDescriptor LengthOnNonArray = Error("ISH157",
        "[AbiLength] on a member that is not an array",
        "'{0}' has [AbiLength] but is not a fixed buffer or an [InlineArray]", Layout);

    public static readonly DiagnosticDescriptor UnknownTarget = new("ISH114",
        "IoctlSharpTargets names no target",
        "The MSBuild property IoctlSharpTargets names '{0}', which is no target IoctlSharp has; the targets are default, all, {1}",
        Layout, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("ISH114"),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    // ---------------------------------------------------------------- C names, anonymous members, strings

    public static readonly DiagnosticDescriptor AnonymousMemberType = Error("ISH140",
        "An anonymous member must be a struct or union",
        "Member '{0}' of '{1}' is [AbiAnonymous] but its type is {2}; only a nested [AbiStruct] or [AbiUnion] can be anonymous in C", Layout);

    public static readonly DiagnosticDescriptor AnonymousMemberCollision = Error("ISH141",
        "An anonymous member's member collides with a name of the enclosing type",
        "'{0}': the anonymous member '{1}' brings in '{2}', which {3}; C rejects duplicate member names, and C# could not reach both", Layout);

    public static readonly DiagnosticDescriptor AbiStringField = Error("ISH142",
        "[AbiString] needs a char array",
        "Member '{0}' of '{1}' is [AbiString] but its type is {2}; a C string member is a fixed byte or sbyte buffer, or an [InlineArray] of byte or sbyte", Layout);

    public static readonly DiagnosticDescriptor InvalidCName = Error("ISH143",
        "C member name is not valid",
        "Member '{0}' of '{1}': {2}", Layout);

    public static readonly DiagnosticDescriptor AbiStringAccessorCollision = Error("ISH144",
        "[AbiString] accessor collides with a member",
        "Member '{0}' of '{1}' is [AbiString], but '{1}' already has a member named '{2}', the name of its generated accessor; rename one", Layout);

    public static readonly DiagnosticDescriptor NoCompatConversion = Create("ISH111",
        "No 32-bit conversion for a union without a discriminator",
        "'{0}': member '{1}' holds a union laid out differently on {2}, and nothing says which of its members is active; "
        + "name a discriminator with [AbiDiscriminator] and the union members' values with [AbiCase], or no conversion to the 32-bit twin is generated",
        Layout, DiagnosticSeverity.Warning);

    // ---------------------------------------------------------------- bit-fields (ISH160-ISH169)

    public static readonly DiagnosticDescriptor BitFieldTooWide = Error("ISH160",
        "Bit-field wider than its type",
        "Bit-field '{0}' of '{1}' is {2} bits wide, but its type {3} has {4} bits", Layout);

    public static readonly DiagnosticDescriptor BitFieldNegativeWidth = Error("ISH161",
        "Bit-field width is negative",
        "Bit-field '{0}' of '{1}' has width {2}; a width is 0 (unnamed only) or more", Layout);

    public static readonly DiagnosticDescriptor BitFieldZeroWidthNamed = Error("ISH162",
        "A zero-width bit-field has a name",
        "Bit-field '{0}' of '{1}' has width 0 and a name; C allows only an unnamed zero-width bit-field (pass null as the name)", Layout);

    public static readonly DiagnosticDescriptor BitFieldType = Error("ISH163",
        "Bit-field type is not an integer",
        "Bit-field '{0}' of '{1}' is declared {2}: {3}", Layout);

    public static readonly DiagnosticDescriptor BitFieldStorage = Error("ISH164",
        "Bit-field storage does not hold its bit-fields",
        "Member '{0}' of '{1}' stores bit-fields, but on {2} {3}", Layout);

    public static readonly DiagnosticDescriptor BitFieldName = Error("ISH165",
        "Bit-field name is not usable",
        "Bit-field '{0}' of '{1}': {2}", Layout);

    public static readonly DiagnosticDescriptor BadIoctlMethod = Error("ISH201",
        "Ioctl declarations are static partial methods without a body",
        "Ioctl '{0}' must be a static partial method without a body or type parameters", Request);

    public static readonly DiagnosticDescriptor IoctlOutsideGroup = Error("ISH202",
        "Ioctl outside a group",
        "Ioctl '{0}' is declared in '{1}', which has no [IoctlGroup(type)] to give it a type byte", Request);

    public static readonly DiagnosticDescriptor SizeDoesNotFit = Error("ISH205",
        "Size does not fit the request number",
        "Ioctl '{0}': a size of {1} bytes on {2} does not fit the {3}-bit size field (at most {4})", Request);

    public static readonly DiagnosticDescriptor UnsupportedSignature = Error("ISH206",
        "Unsupported ioctl signature",
        "Ioctl '{0}': {1}", Request);

    public static readonly DiagnosticDescriptor LiteralDirectionContradicts = Error("ISH207",
        "A literal request number's direction bits contradict the argument",
        "Ioctl '{0}': the number 0x{1:X8} on {2} has the direction bits of {3}, but the argument {4}; a number with direction bits is an _IOC number (declare it with [IoctlRead]/[IoctlWrite]/[Ioctl]), or the argument is wrong", Request);

    public static readonly DiagnosticDescriptor MissingTargetRequest = Error("ISH208",
        "A target has no request number",
        "Ioctl '{0}' has no request number on {1}: give [IoctlRequest(number)] a default, or add [IoctlRequestOn(number, AbiTarget.X)] for each", Request);

    public static readonly DiagnosticDescriptor BadTargetRequest = Error("ISH209",
        "Per-target request numbers are inconsistent",
        "Ioctl '{0}': {1}", Request);

    public static readonly DiagnosticDescriptor LiteralHasNoSizeField = Error("ISH210",
        "A literal request number has no size field",
        "Ioctl '{0}': {1} sets the size field, but [IoctlRequest] numbers are taken as written; remove it", Request);

    public static readonly DiagnosticDescriptor BadMacroArgument = Error("ISH211",
        "Unsupported macro argument",
        "Ioctl '{0}': {1}", Request);

    public static readonly DiagnosticDescriptor BadFileDescriptorField = Error("ISH212",
        "An fd member must be an int",
        "Field '{0}' of '{1}' is marked [AbiFileDescriptor] but is '{2}': an fd member is an int or a uint (__u32, __s32)", Layout);

    // ---------------------------------------------------------------- advice: layouts that work but bite

    public static readonly DiagnosticDescriptor BoolField = Create("ISH120",
        "bool in an ABI struct",
        "Field '{0}' of '{1}' is bool (C _Bool): a driver or hardware ABI wants __u8 with explicit padding; declare it byte",
        Layout, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ImplicitPadding = Create("ISH121",
        "Implicit padding in an ABI struct",
        "'{0}' has implicit padding {1}: {2}; declare it as an explicit field, as kernel ABI structs do",
        Layout, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor I386LayoutDiffers = Create("ISH122",
        "Layout differs between i386 and x86_64",
        "'{0}': {1} is {2} on i386 but {3} on x86_64, because i386 aligns 64-bit members to 4 bytes; {4}, or set AllowAbiDifferences = true if the difference is intended",
        Layout, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PointerSizedField = Create("ISH123",
        "Pointer-sized member in an ABI struct",
        "Field '{0}' of '{1}' is {2}: {3} bytes on i386, arm32 and mips32 but {4} on the 64-bit targets, so the layout changes with the ABI; kernel headers declare such members __u64 (u64_to_user_ptr), or set AllowAbiDifferences = true",
        Layout, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NoExpectedSize = Create("ISH124",
        "ABI struct declares no expected size",
        "'{0}' declares no expected size; its C layout is {1}",
        Layout, DiagnosticSeverity.Hidden);

    public static readonly DiagnosticDescriptor DuplicateRequest = Create("ISH220",
        "Two ioctls encode the same request",
        "Ioctls '{0}' and '{1}' of '{2}' both have direction {3} and nr 0x{4:X2} with the same size, so they are the same request on every target under two names; one is probably a copy-paste error (if both declare one request, give them the same Name)",
        Request, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ArgumentContradictsEncoding = Create("ISH221",
        "Argument modifier contradicts the encoding",
        "Ioctl '{0}': {1}",
        Request, DiagnosticSeverity.Warning);

    private const string Constants = "IoctlSharp.Constants";

    public static readonly DiagnosticDescriptor ConstantTargetMissing = Error("ISH130",
        "Per-target value without a target",
        "[AbiValueOn] of constant '{0}' {1}", Constants);

    public static readonly DiagnosticDescriptor DuplicateConstantName = Error("ISH131",
        "Two constants have one C name",
        "Constants '{0}' and '{1}' of '{2}' both declare the C name '{3}'", Constants);

    public static readonly DiagnosticDescriptor ConstantOutOfRange = Error("ISH132",
        "Constant value out of range for its type",
        "Constant '{0}' is of type {1}, which cannot hold {2}", Constants);

    public static readonly DiagnosticDescriptor ConflictingConstantTarget = Error("ISH133",
        "Two per-target values for one target",
        "Constant '{0}' is given a value on {1} twice ({2} and {3})", Constants);

    public static readonly DiagnosticDescriptor NotAConstant = Error("ISH134",
        "[AbiConstant] needs a const integer field with a C name",
        "'{0}' {1}", Constants);
}

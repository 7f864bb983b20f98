namespace IoctlSharp.Generators.Model;

/// <summary>
/// What a member declares for the 32-bit conversions: on a struct member holding a union, the sibling that
/// discriminates it (<c>[AbiDiscriminator]</c>); on a union member, the discriminator values that select it
/// (<c>[AbiCase]</c>); and whether it is <c>readonly</c> (the conversions cannot assign it).
/// </summary>
internal sealed record FieldCompat(string? Discriminator, EquatableArray<long> Cases, bool ReadOnly = false);

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace IoctlSharp.Runtime.Tests;

/// <summary>
/// The runtime's public API is tracked in Runtime/PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt
/// (Microsoft.CodeAnalysis.PublicApiAnalyzers fails the build on RS0016/RS0017). This checks the files from the
/// other side (the files are copied beside the test), against the built assembly: every public type and every public member's name is listed, so the files
/// cannot have been emptied while the analyzer was switched off.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void EveryPublicTypeAndMemberOfTheRuntimeIsInThePublicApiFiles()
    {
        var lines = new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(f => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "PublicApi", f)))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        var types = typeof(AbiTarget).Assembly.GetExportedTypes();
        Assert.NotEmpty(types);
        foreach (var type in types)
        {
            string name = type.FullName!.Replace('+', '.');
            int tick = name.IndexOf('`');
            if (tick >= 0)
                name = name[..tick];
            Assert.Contains(lines, l => l.StartsWith(name, StringComparison.Ordinal) || l.Contains(" " + name, StringComparison.Ordinal));
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         .Where(m => m is not MethodInfo { IsSpecialName: true } and not FieldInfo { IsSpecialName: true } and not Type))
            {
                string spelled = member switch
                {
                    ConstructorInfo => "." + type.Name.Split('`')[0] + "(",
                    PropertyInfo p when p.GetIndexParameters().Length > 0 => ".this[",
                    _ => "." + member.Name,
                };
                Assert.True(lines.Any(l => l.Contains(name + spelled, StringComparison.Ordinal) || l.Contains(name + "<", StringComparison.Ordinal)),
                    $"{name}{spelled} is public but in neither PublicAPI file");
            }
        }
    }
}

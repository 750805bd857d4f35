using System.Reflection;
using Studio.Core;
using Studio.Providers;

namespace Studio.Tests.Architecture;

/// <summary>The rooms of ARCHITECTURE.md, checked through what each assembly references.</summary>
public sealed class ProjectReferenceTests
{
    private static readonly string[] IdentityStore = ["Microsoft.AspNetCore.Identity.EntityFrameworkCore"];

    [Fact]
    public void Core_KnowsNoWebFrameworkNoUiAndNoneOfOurOtherProjects()
    {
        var references = Referenced(typeof(CoreServiceExtensions).Assembly);

        references.Where(r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).Should().BeSubsetOf(IdentityStore);
        references.Should().NotContain(r => r.StartsWith("MudBlazor", StringComparison.Ordinal));
        references.Should().NotContain(r => r.StartsWith("Studio.", StringComparison.Ordinal));
    }

    [Fact]
    public void Providers_KnowCoreButNotTheApp()
    {
        var references = Referenced(typeof(ProvidersServiceExtensions).Assembly);

        references.Should().Contain("Studio.Core");
        references.Should().NotContain("Studio.App");
        references.Should().NotContain(r => r.StartsWith("MudBlazor", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyTheMediaEngineUsesFfmpegCore()
    {
        var users = typeof(CoreServiceExtensions).Assembly.GetTypes()
            .Where(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                .Select(f => f.FieldType)
                .Concat(t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly)
                    .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Any(type => type.Namespace?.StartsWith("FFMpegCore", StringComparison.Ordinal) == true))
            .Select(Outermost)
            .Distinct()
            .ToList();

        users.Should().Equal("FfmpegCoreMediaEngine");
        Referenced(typeof(ProvidersServiceExtensions).Assembly).Should().NotContain("FFMpegCore");
    }

    private static string Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type.Name;

    private static List<string> Referenced(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];
}

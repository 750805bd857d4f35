using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Studio.Tests.Builders;

/// <summary>A host environment rooted in a folder of the test's choosing, for services such as StudioPaths.</summary>
public sealed class TestHostEnvironment(string contentRootPath) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Testing";

    public string ApplicationName { get; set; } = "Studio.Tests";

    public string ContentRootPath { get; set; } = contentRootPath;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}

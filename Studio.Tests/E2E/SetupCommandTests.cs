using System.Diagnostics;

namespace Studio.Tests.E2E;

/// <summary>`Studio.App setup` as an operator runs it: migrate, add missing templates, exit; again and again.</summary>
[Trait("Category", "E2E")]
public sealed class SetupCommandTests
{
    [Fact]
    public async Task Setup_RunTwiceOnANewDataFolder_CreatesTheDatabaseOnceAndListsTheTemplates()
    {
        using var data = new TempFolder();

        var first = await RunSetupAsync(data.Path);
        var second = await RunSetupAsync(data.Path);

        first.ExitCode.Should().Be(0, first.Output);
        first.Output.Should().Contain("3 templates").And.Contain("Reels 30s Standard");
        first.Output.Should().MatchRegex("Created the admin admin@studio.local with the password \\S{20} ");
        second.ExitCode.Should().Be(0, second.Output);
        second.Output.Should().Contain("3 templates").And.NotContain("Created the admin");
        File.Exists(Path.Combine(data.Path, "studio.db")).Should().BeTrue();
    }

    private static async Task<(int ExitCode, string Output)> RunSetupAsync(string dataDirectory)
    {
        var start = StudioProcess.AppCommand("setup");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Studio__DataDirectory"] = dataDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            return (process.ExitCode, await output + await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}

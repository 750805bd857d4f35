using System.Diagnostics;
using Studio.Core.Media;

namespace Studio.Tests.Core.Media;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Join_ProcessStartSplitsItBackIntoTheSameTokens()
    {
        string[] tokens = ["plain", "with space", "quote\"inside", @"back\slash", @"trailing\", @"\""both", "", "-filter_complex_script", "/tmp/a b/graph.txt"];
        var start = new ProcessStartInfo("/usr/bin/printf")
        {
            Arguments = CommandLine.Join(["%s\\n", .. tokens]),
            RedirectStandardOutput = true,
        };

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        output.Split('\n')[..^1].Should().Equal(tokens);
    }
}

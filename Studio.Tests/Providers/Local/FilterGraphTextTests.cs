using Microsoft.Extensions.Options;
using Studio.Core.Media;
using Studio.Providers.Local;

namespace Studio.Tests.Providers.Local;

public sealed class FilterGraphTextTests
{
    [Fact]
    public async Task OptionValue_PathWithQuotesColonsCommasAndBrackets_DrawtextReadsTheFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "studio-tests", "it's a [test], really; ok: yes \\ " + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var textFile = Path.Combine(folder, "line's.txt");
            await File.WriteAllTextAsync(textFile, "50% off: it's here, [now]");
            var output = Path.Combine(folder, "frame.png");
            var engine = new FfmpegCoreMediaEngine(Options.Create(new MediaOptions()));
            var graph = $"[0:v]drawtext=fontfile={FilterGraphText.OptionValue(LocalProviderOptions.DefaultFontFile)}" +
                $":textfile={FilterGraphText.OptionValue(textFile)}:expansion=none:fontcolor=white:fontsize=20[v]";

            await engine.RunAsync(new MediaJob([MediaInput.Lavfi("color=black:size=320x240")], graph, ["-map", "[v]", "-frames:v", "1"], output, TimeSpan.Zero), null, CancellationToken.None);

            File.Exists(output).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void OptionValue_PlainPath_QuotedTwice()
    {
        FilterGraphText.OptionValue("/a/b.txt").Should().Be(@"''\''/a/b.txt'\'''");
    }
}

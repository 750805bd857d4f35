using Studio.Providers.Local;
using Studio.Tests.Builders;

namespace Studio.Tests.Providers.Local;

public sealed class TrueTypeMetricsTests
{
    [Fact]
    public async Task Measure_WideLetters_WiderThanNarrowOnes()
    {
        var font = await TrueTypeMetrics.LoadAsync(LocalProviderOptions.DefaultFontFile, CancellationToken.None);

        font.Measure("WWWW", 50).Should().BeGreaterThan(font.Measure("iiii", 50) * 2);
    }

    [Fact]
    public async Task Measure_DoubleSize_AboutDoubleWidth()
    {
        var font = await TrueTypeMetrics.LoadAsync(LocalProviderOptions.DefaultFontFile, CancellationToken.None);

        font.Measure("Studio makes videos", 80).Should().BeApproximately(font.Measure("Studio makes videos", 40) * 2, 19);
    }

    [Fact]
    public async Task Measure_DejaVuBoldCapitalM_MatchesItsAdvanceWidth()
    {
        var font = await TrueTypeMetrics.LoadAsync(LocalProviderOptions.DefaultFontFile, CancellationToken.None);

        // DejaVu Sans Bold: 'M' advances 2038 of 2048 units per em.
        font.Measure("M", 2048).Should().Be(2038);
    }

    [Fact]
    public async Task Measure_BasicPlaneMap_AgreesWithFullUnicodeMap()
    {
        var bytes = await File.ReadAllBytesAsync(LocalProviderOptions.DefaultFontFile);
        var full = TrueTypeMetrics.Parse(bytes, basicPlaneMapOnly: false);
        var basic = TrueTypeMetrics.Parse(bytes, basicPlaneMapOnly: true);
        var text = new string(Enumerable.Range(32, 0x17F - 32).Select(c => (char)c).ToArray()) + "—…€™";

        basic.Measure(text, 2048).Should().Be(full.Measure(text, 2048));
    }

    [Fact]
    public async Task LoadAsync_NotAFont_ThrowsSayingWhyInTheReadersLanguage()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "not a font at all, just some words to read");
        try
        {
            var load = () => TrueTypeMetrics.LoadAsync(file, CancellationToken.None);

            var thrown = (await load.Should().ThrowAsync<UnusableFontException>()).Which;
            var reason = thrown.Reason;
            thrown.Message.Should().Be(reason.English).And.StartWith("The f");
            CoreLocalizers.InCulture("fr-FR", () => reason.Word(CoreLocalizers.StoredWords)).Should().MatchRegex("^(La police|Le fichier) ").And.NotBe(reason.English);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

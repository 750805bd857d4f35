using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Luma;
using Studio.Tests.Fakes;
using Studio.Tests.Fakes.Luma;

namespace Studio.Tests.Providers;

/// <summary>
/// An API key travels in a header and nowhere else: with every log category at Trace (HttpClient's own logging
/// included), a whole generation and a refused key leave no trace of either key in the logs or in the errors.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string WrongKey = "luma-planted-WRONG-secret-4711";

    [Fact]
    public async Task HostedProvider_GenerationAndRefusedKey_NeverLogsOrShowsTheKey()
    {
        var mp4 = await ResultClips.Mp4Async(144, 256, 1);
        await using var luma = await FakeLumaServer.StartAsync(mp4);
        var logs = new CapturedLogs();

        await using (var core = await StartAsync(luma, FakeLumaServer.Key, logs))
        {
            var provider = core.Get<VideoProviderCatalog>().Get(LumaVideoProvider.ProviderName);
            var id = await provider.SubmitAsync(Request(), CancellationToken.None);
            while ((await provider.GetStatusAsync(id, CancellationToken.None)).State != ProviderJobState.Succeeded)
            {
            }

            using var clip = new MemoryStream();
            await provider.DownloadAsync(id, clip, CancellationToken.None);
            clip.Length.Should().Be(mp4.Length);
        }

        Exception refused;
        await using (var core = await StartAsync(luma, WrongKey, logs))
        {
            var provider = core.Get<VideoProviderCatalog>().Get(LumaVideoProvider.ProviderName);
            refused = (await FluentActions.Awaiting(() => provider.SubmitAsync(Request(), CancellationToken.None)).Should().ThrowAsync<ProviderException>()).Which;
        }

        logs.Lines.Should().Contain(l => l.Contains("api.lumalabs", StringComparison.Ordinal) || l.Contains("generations", StringComparison.Ordinal), "HTTP calls were logged at Trace, so the search below means something");
        logs.Lines.Should().NotContain(l => l.Contains(FakeLumaServer.Key, StringComparison.Ordinal));
        logs.Lines.Should().NotContain(l => l.Contains(WrongKey, StringComparison.Ordinal));
        refused.ToString().Should().NotContain(WrongKey).And.Contain("Studio:Providers:Luma:ApiKey", "the error names the setting, never its value");
    }

    private static Task<CoreHost> StartAsync(FakeLumaServer luma, string key, CapturedLogs logs) =>
        CoreHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Studio:Providers:Luma:BaseUrl"] = luma.ApiUrl.ToString(),
                ["Studio:Providers:Luma:ApiKey"] = key,
                ["Studio:Providers:Luma:Http:RetryBaseDelay"] = "00:00:00.010",
                ["Logging:LogLevel:Default"] = "Trace",
            },
            services => services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

    private static GenerationRequest Request() =>
        new(Guid.NewGuid(), "A calm lake at dawn", "", GenerationMode.TextToVideo, AspectRatio.Portrait9x16, TimeSpan.FromSeconds(5), null);
}

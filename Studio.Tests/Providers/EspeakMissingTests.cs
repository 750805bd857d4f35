using Microsoft.Extensions.Localization;
using Studio.Core.Common;
using Studio.Core.Voice;
using Studio.Providers.Espeak;

namespace Studio.Tests.Providers;

/// <summary>espeak-ng missing on the server: the voice's failure is our sentence, read in French by a French reader.</summary>
public sealed class EspeakMissingTests : IAsyncLifetime
{
    private const string Missing = "/nonexistent/espeak-ng-for-this-test";
    private CoreHost _core = null!;

    public async Task InitializeAsync() =>
        _core = await CoreHost.StartAsync(new Dictionary<string, string?> { ["Studio:Voice:Espeak:Binary"] = Missing });

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task SpeakAsync_BinaryMissing_SaysSoInTheReadersLanguage_TheEnglishMessageAsBefore()
    {
        var espeak = _core.Get<VoiceCatalog>().Get(EspeakVoiceEngine.EngineName);

        var speak = () => espeak.SpeakAsync(new SpeechRequest("Bonjour.", "fr", null), CancellationToken.None);

        var thrown = (await speak.Should().ThrowAsync<VoiceException>()).Which;
        thrown.Message.Should().Be($"espeak-ng is not installed ('{Missing}' was not found); install the espeak-ng package.");
        var words = _core.Get<IStringLocalizer<StoredText>>();
        CoreLocalizers.InCulture("fr-FR", () => thrown.Stored.Word(words))
            .Should().Be($"espeak-ng n’est pas installé (« {Missing} » est introuvable) ; installez le paquet espeak-ng.");
    }
}

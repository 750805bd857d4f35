using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Http;

namespace Studio.Tests.Providers.Http;

/// <summary>
/// A provider's failure is stored as our sentence (worded in the reader's language when read) around the provider's
/// own words, which stay as written; its English message is what it always was.
/// </summary>
public sealed class ProviderFailureLanguageTests
{
    private static readonly IStringLocalizer<StoredText> Words =
        new StringLocalizer<StoredText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Fact]
    public void ABusyProvider_ReadByAFrenchReader_ReadsFrench_WithTheProvidersWordsAsWritten()
    {
        var failure = ProviderHttpFailures.ForStatus(HttpStatusCode.ServiceUnavailable, "upstream overloaded", "Luma", "Providers:Luma:ApiKey");

        // Stored the way the segment step stores a failed attempt, then read back from the row's JSON.
        var stored = StoredText.Of("Segment {0} could not be made: {1}", 2, ProviderException.StoredFor(failure));
        var read = StoredText.Read(stored.ToJson(), stored.English)!;

        failure.Message.Should().Be("Luma is busy (HTTP 503): upstream overloaded.");
        failure.NothingStarted.Should().BeTrue();
        InCulture("fr-FR", () => read.Word(Words)).Should().Be("Le segment 2 n’a pas pu être fait : Luma est occupé (HTTP 503) : upstream overloaded.");
        InCulture("en-US", () => read.Word(Words)).Should().Be("Segment 2 could not be made: Luma is busy (HTTP 503): upstream overloaded.");
    }

    [Fact]
    public void AProvidersOwnRefusal_StaysAsWritten_InEveryLanguage()
    {
        var refused = ProviderHttpFailures.ForStatus(HttpStatusCode.BadRequest, "prompt violates policy", "Luma", "Providers:Luma:ApiKey");

        refused.Text.Should().BeNull();
        InCulture("fr-FR", () => ProviderException.StoredFor(refused).Word(Words)).Should().Be("prompt violates policy");
    }

    [Fact]
    public void AFailedStatusOfOurs_CarriesItsSentence()
    {
        var status = ProviderJobStatus.Failed(StoredText.Of("{0} reported a failure without a reason.", "Sim"), permanent: false);

        status.Error.Should().Be("Sim reported a failure without a reason.");
        InCulture("fr-FR", () => status.ErrorText!.Word(Words)).Should().NotBe(status.Error).And.Contain("Sim");
    }

    [Fact]
    public void AModeRefusal_ReadByAFrenchReader_NamesTheModesInFrench_JoinedByEt()
    {
        var capabilities = new ProviderCapabilities(
            new HashSet<GenerationMode> { GenerationMode.ImageToVideo, GenerationMode.TextToVideo },
            new HashSet<AspectRatio> { AspectRatio.Landscape16x9 },
            MaxPromptLength: 500,
            MaxDuration: TimeSpan.FromSeconds(10));
        var request = new GenerationRequest(Guid.NewGuid(), "A lake", "", GenerationMode.VideoToVideo, AspectRatio.Landscape16x9, TimeSpan.FromSeconds(5), null);

        var refused = FluentActions.Invoking(() => ProviderRequests.Check(request, capabilities, "Luma")).Should().Throw<ProviderException>().Which;
        var read = StoredText.Read(refused.Stored.ToJson(), refused.Message)!;

        refused.IsPermanent.Should().BeTrue();
        refused.Message.Should().Be("Luma cannot make video-to-video clips; it makes text-to-video and image-to-video.");
        InCulture("fr-FR", () => read.Word(Words))
            .Should().Be("Luma ne sait pas faire de clips vidéo vers vidéo ; il fait : texte vers vidéo et image vers vidéo.");
        InCulture("en-US", () => read.Word(Words)).Should().Be(refused.Message);
    }

    [Fact]
    public void AFrameShapeRefusal_ReadByAFrenchReader_JoinsTheShapesWithEt_AndAModeWithoutInput_NamesItInFrench()
    {
        var capabilities = new ProviderCapabilities(
            new HashSet<GenerationMode> { GenerationMode.ImageToVideo },
            new HashSet<AspectRatio> { AspectRatio.Landscape16x9, AspectRatio.Portrait9x16, AspectRatio.Square1x1 },
            MaxPromptLength: 500,
            MaxDuration: TimeSpan.FromSeconds(10));
        var square = new GenerationRequest(Guid.NewGuid(), "A lake", "", GenerationMode.ImageToVideo, AspectRatio.Portrait4x5, TimeSpan.FromSeconds(5), null);
        var noImage = square with { AspectRatio = AspectRatio.Square1x1 };

        var shape = FluentActions.Invoking(() => ProviderRequests.Check(square, capabilities, "Runway")).Should().Throw<ProviderException>().Which;
        var input = FluentActions.Invoking(() => ProviderRequests.Check(noImage, capabilities, "Runway")).Should().Throw<ProviderException>().Which;

        shape.Message.Should().Be("Runway makes only 9:16, 16:9 and 1:1 clips, not 4:5.");
        InCulture("fr-FR", () => shape.Stored.Word(Words)).Should().Be("Runway ne fait que des clips 9:16, 16:9 et 1:1, pas 4:5.");
        input.Message.Should().Be("image-to-video at Runway needs an input image.");
        InCulture("fr-FR", () => input.Stored.Word(Words)).Should().Be("Le mode image vers vidéo chez Runway demande une image en entrée.");
    }

    private static T InCulture<T>(string name, Func<T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}

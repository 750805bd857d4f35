using System.Net;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Http;
using Studio.Tests.Builders;

namespace Studio.Tests.Providers.Http;

/// <summary>
/// A provider's failure is stored as our sentence (worded in the reader's language when read) around the provider's
/// own words, which stay as written; its English message is what it always was.
/// </summary>
public sealed class ProviderFailureLanguageTests
{
    [Fact]
    public void ABusyProvider_ReadByAFrenchReader_ReadsFrench_WithTheProvidersWordsAsWritten()
    {
        var failure = ProviderHttpFailures.ForStatus(HttpStatusCode.ServiceUnavailable, "upstream overloaded", "Luma", "Providers:Luma:ApiKey");

        // Stored the way the segment step stores a failed attempt, then read back from the row's JSON.
        var stored = StoredText.Of("Segment {0} could not be made: {1}", 2, ProviderException.StoredFor(failure));
        var read = StoredText.Read(stored.ToJson(), stored.English)!;

        failure.Message.Should().Be("Luma is busy (HTTP 503): upstream overloaded.");
        failure.NothingStarted.Should().BeTrue();
        CoreLocalizers.InCulture("fr-FR", () => read.Word(CoreLocalizers.StoredWords)).Should().Be("Le segment 2 n’a pas pu être fait : Luma est occupé (HTTP 503) : upstream overloaded.");
        CoreLocalizers.InCulture("en-US", () => read.Word(CoreLocalizers.StoredWords)).Should().Be("Segment 2 could not be made: Luma is busy (HTTP 503): upstream overloaded.");
    }

    [Fact]
    public void AProvidersOwnRefusal_StaysAsWritten_InEveryLanguage()
    {
        var refused = ProviderHttpFailures.ForStatus(HttpStatusCode.BadRequest, "prompt violates policy", "Luma", "Providers:Luma:ApiKey");

        refused.Text.Should().BeNull();
        CoreLocalizers.InCulture("fr-FR", () => ProviderException.StoredFor(refused).Word(CoreLocalizers.StoredWords)).Should().Be("prompt violates policy");
    }

    [Fact]
    public void AFailedStatusOfOurs_CarriesItsSentence()
    {
        var status = ProviderJobStatus.Failed(StoredText.Of("{0} reported a failure without a reason.", "Sim"), permanent: false);

        status.Error.Should().Be("Sim reported a failure without a reason.");
        CoreLocalizers.InCulture("fr-FR", () => status.ErrorText!.Word(CoreLocalizers.StoredWords)).Should().NotBe(status.Error).And.Contain("Sim");
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
        CoreLocalizers.InCulture("fr-FR", () => read.Word(CoreLocalizers.StoredWords))
            .Should().Be("Luma ne sait pas faire de clips vidéo vers vidéo ; il fait : texte vers vidéo et image vers vidéo.");
        CoreLocalizers.InCulture("en-US", () => read.Word(CoreLocalizers.StoredWords)).Should().Be(refused.Message);
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
        CoreLocalizers.InCulture("fr-FR", () => shape.Stored.Word(CoreLocalizers.StoredWords)).Should().Be("Runway ne fait que des clips 9:16, 16:9 et 1:1, pas 4:5.");
        input.Message.Should().Be("image-to-video at Runway needs an input image.");
        CoreLocalizers.InCulture("fr-FR", () => input.Stored.Word(CoreLocalizers.StoredWords)).Should().Be("Le mode image vers vidéo chez Runway demande une image en entrée.");
    }
}

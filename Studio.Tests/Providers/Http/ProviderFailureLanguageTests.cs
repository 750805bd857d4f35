using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Providers;
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

using System.Net;
using Studio.Providers.Http;

namespace Studio.Tests.Providers.Http;

public sealed class ProviderHttpFailuresTests
{
    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public void ForStatus_KeyRefused_IsPermanentAndNamesTheKeySetting(int status)
    {
        var failure = ProviderHttpFailures.ForStatus((HttpStatusCode)status, "bad key", "Vendor", "Studio:Providers:Vendor:ApiKey");

        failure.IsPermanent.Should().BeTrue();
        failure.Message.Should().Contain("Studio:Providers:Vendor:ApiKey").And.Contain("bad key");
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void ForStatus_BusyOrFailing_IsTransient(int status)
    {
        ProviderHttpFailures.ForStatus((HttpStatusCode)status, null, "Vendor", "k").IsPermanent.Should().BeFalse();
    }

    [Fact]
    public void ForStatus_OtherRefusal_IsPermanentWithTheProvidersOwnWords()
    {
        var failure = ProviderHttpFailures.ForStatus(HttpStatusCode.BadRequest, "Your prompt mentions a brand.", "Vendor", "k");

        failure.IsPermanent.Should().BeTrue();
        failure.Message.Should().Be("Your prompt mentions a brand.");
    }

    [Fact]
    public void ForStatus_RefusalWithoutWords_SaysWhoRefusedAndTheStatus()
    {
        ProviderHttpFailures.ForStatus(HttpStatusCode.UnprocessableEntity, " ", "Vendor", "k").Message.Should().Be("Vendor refused the request (HTTP 422).");
    }
}

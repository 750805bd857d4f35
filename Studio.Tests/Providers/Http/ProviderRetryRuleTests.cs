using System.Net;
using Polly;
using Polly.Timeout;
using Studio.Providers.Http;

namespace Studio.Tests.Providers.Http;

public sealed class ProviderRetryRuleTests
{
    [Theory]
    [InlineData("GET", 408, true)]
    [InlineData("GET", 429, true)]
    [InlineData("GET", 500, true)]
    [InlineData("GET", 502, true)]
    [InlineData("GET", 503, true)]
    [InlineData("GET", 504, true)]
    [InlineData("DELETE", 503, true)]
    [InlineData("GET", 400, false)]
    [InlineData("GET", 401, false)]
    [InlineData("GET", 404, false)]
    [InlineData("GET", 501, false)]
    [InlineData("GET", 200, false)]
    [InlineData("POST", 429, true)]
    [InlineData("POST", 408, false)]
    [InlineData("POST", 500, false)]
    [InlineData("POST", 502, false)]
    [InlineData("POST", 503, false)]
    [InlineData("POST", 504, false)]
    [InlineData("POST", 400, false)]
    [InlineData("PATCH", 500, false)]
    public void ShouldRetry_Answer_RetriesOnlyWhatCannotStartAGenerationTwice(string method, int status, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        ProviderRetryRule.ShouldRetry(new HttpMethod(method), Outcome.FromResult(response)).Should().Be(expected);
    }

    [Theory]
    [InlineData("GET", HttpRequestError.ConnectionError, true)]
    [InlineData("GET", HttpRequestError.ResponseEnded, true)]
    [InlineData("POST", HttpRequestError.ConnectionError, true)]
    [InlineData("POST", HttpRequestError.NameResolutionError, true)]
    [InlineData("POST", HttpRequestError.SecureConnectionError, true)]
    [InlineData("POST", HttpRequestError.ResponseEnded, false)]
    [InlineData("POST", HttpRequestError.Unknown, false)]
    [InlineData("POST", HttpRequestError.InvalidResponse, false)]
    public void ShouldRetry_TransportFailure_RetriesAPostOnlyWhenNothingWasSent(string method, HttpRequestError error, bool expected)
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(error, "boom"));

        ProviderRetryRule.ShouldRetry(new HttpMethod(method), outcome).Should().Be(expected);
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("POST", false)]
    public void ShouldRetry_AttemptTimedOut_RetriesOnlyRepeatableCalls(string method, bool expected)
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException());

        ProviderRetryRule.ShouldRetry(new HttpMethod(method), outcome).Should().Be(expected);
    }

    [Fact]
    public void ShouldRetry_UnknownMethod_IsTreatedAsAPost()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError);

        ProviderRetryRule.ShouldRetry(null, Outcome.FromResult(response)).Should().BeFalse();
    }

    [Fact]
    public void ShouldRetry_OtherException_IsNotRetried()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new InvalidOperationException());

        ProviderRetryRule.ShouldRetry(HttpMethod.Get, outcome).Should().BeFalse();
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(408, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(429, false)]
    [InlineData(200, false)]
    public void CountsAsFailure_Answer_Only5xxAnd408OpenTheCircuit(int status, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        ProviderRetryRule.CountsAsFailure(Outcome.FromResult(response)).Should().Be(expected);
    }

    [Fact]
    public void CountsAsFailure_ConnectionFailureOrTimeout_Counts()
    {
        ProviderRetryRule.CountsAsFailure(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("x"))).Should().BeTrue();
        ProviderRetryRule.CountsAsFailure(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())).Should().BeTrue();
        ProviderRetryRule.CountsAsFailure(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException())).Should().BeFalse();
    }

    [Theory]
    [InlineData("{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}", true)]
    [InlineData("{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"This request exceeds your quota.\"}}", true)]
    [InlineData("{\"detail\":\"User is locked. Reason: Exhausted balance.\"}", true)]
    [InlineData("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}", false)]
    [InlineData("", false)]
    public async Task SaysDoNotRetryAsync_TooManyRequests_OnlyASpentQuotaOrBalanceStopsRetries(string body, bool expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent(body) };

        (await ProviderRetryRule.SaysDoNotRetryAsync(response, CancellationToken.None)).Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Should().Be(body, "the body stays readable for the client");
    }

    [Theory]
    [InlineData("false", true)]
    [InlineData("False", true)]
    [InlineData("true", false)]
    public async Task SaysDoNotRetryAsync_ShouldRetryHeader_IsObeyed(string header, bool expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.Add("x-should-retry", header);

        (await ProviderRetryRule.SaysDoNotRetryAsync(response, CancellationToken.None)).Should().Be(expected);
    }

    [Fact]
    public async Task SaysDoNotRetryAsync_ServerErrorWithQuotaWords_IsStillRetried()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("insufficient_quota") };

        (await ProviderRetryRule.SaysDoNotRetryAsync(response, CancellationToken.None)).Should().BeFalse("only a 429 can mean a spent quota");
    }
}

using System.Globalization;
using System.Net;
using Studio.Providers.Http;

namespace Studio.Tests.Providers.Http;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Fact]
    public void Read_Seconds_IsThatManySeconds()
    {
        using var response = With("Retry-After", "7");

        RetryAfter.Read(response, Now, Max).Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void Read_HttpDate_IsTheTimeUntilThen()
    {
        using var response = With("Retry-After", Now.AddSeconds(12).ToString("r", CultureInfo.InvariantCulture));

        RetryAfter.Read(response, Now, Max).Should().Be(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void Read_HttpDateInThePast_IsZero()
    {
        using var response = With("Retry-After", Now.AddSeconds(-30).ToString("r", CultureInfo.InvariantCulture));

        RetryAfter.Read(response, Now, Max).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Read_Milliseconds_IsPreferredToRetryAfter()
    {
        using var response = With("Retry-After", "7");
        response.Headers.Add("retry-after-ms", "1500");

        RetryAfter.Read(response, Now, Max).Should().Be(TimeSpan.FromMilliseconds(1500));
    }

    [Theory]
    [InlineData("Retry-After", "3600")]
    [InlineData("retry-after-ms", "90000")]
    [InlineData("retry-after-ms", "1e300")]
    public void Read_LongerThanTheCap_IsCutToTheCap(string header, string value)
    {
        using var response = With(header, value);

        RetryAfter.Read(response, Now, Max).Should().Be(Max);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Retry-After", "soon")]
    [InlineData("retry-after-ms", "soon")]
    public void Read_NoneOrUnreadable_IsNull(string? header, string? value)
    {
        using var response = With(header, value);

        RetryAfter.Read(response, Now, Max).Should().BeNull();
    }

    private static HttpResponseMessage With(string? header, string? value)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (header is not null)
        {
            response.Headers.TryAddWithoutValidation(header, value);
        }

        return response;
    }
}

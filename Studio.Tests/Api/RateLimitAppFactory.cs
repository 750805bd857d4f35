namespace Studio.Tests.Api;

/// <summary>The app with small rate limits (5 API requests, 3 starts) in a window long enough that none closes mid-test.</summary>
public sealed class RateLimitAppFactory() : StudioAppFactory(new Dictionary<string, string?>
{
    ["Studio:RateLimits:ApiPerMinute"] = ApiLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Studio:RateLimits:StartsPerMinute"] = StartsLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Studio:RateLimits:Window"] = "01:00:00",
})
{
    public const int ApiLimit = 5;
    public const int StartsLimit = 3;
}

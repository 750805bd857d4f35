using System.Globalization;

namespace Studio.Providers.Http;

/// <summary>Reads how long a provider asks to be left alone before the next try.</summary>
public static class RetryAfter
{
    /// <summary>A header some providers send beside (or instead of) <c>Retry-After</c>, in milliseconds.</summary>
    public const string MillisecondsHeader = "retry-after-ms";

    /// <summary>
    /// The wait <paramref name="response"/> asks for: <c>retry-after-ms</c> when present (it is the more precise),
    /// else <c>Retry-After</c> as seconds or an HTTP date (measured from <paramref name="now"/>); never negative, and
    /// cut to <paramref name="max"/>. Null when the response names no readable wait.
    /// </summary>
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now, TimeSpan max)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.TryGetValues(MillisecondsHeader, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && double.IsFinite(milliseconds))
        {
            return milliseconds >= max.TotalMilliseconds ? max : Clamp(TimeSpan.FromMilliseconds(milliseconds), max);
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return Clamp(delta, max);
        }

        if (header?.Date is { } date)
        {
            return Clamp(date - now, max);
        }

        return null;
    }

    private static TimeSpan Clamp(TimeSpan wait, TimeSpan max) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
}

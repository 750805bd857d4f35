using System.Security.Cryptography;
using System.Text;

namespace Studio.Core.Notifications;

/// <summary>
/// Signs webhook bodies: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of <c>{timestamp}.{body}</c> under the user's
/// secret. The timestamp (Unix seconds, the <c>X-Studio-Timestamp</c> header) is signed too, so a captured request
/// cannot be replayed later with a new timestamp.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The signature header's name.</summary>
    public const string SignatureHeader = "X-Studio-Signature";

    /// <summary>The timestamp header's name.</summary>
    public const string TimestampHeader = "X-Studio-Timestamp";

    /// <summary>The event header's name.</summary>
    public const string EventHeader = "X-Studio-Event";

    /// <summary>The delivery id header's name.</summary>
    public const string DeliveryHeader = "X-Studio-Delivery";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, data));
    }

    /// <summary>Whether <paramref name="signature"/> is the right one (compared in constant time).</summary>
    public static bool Verify(string secret, long timestamp, string body, string? signature)
    {
        if (signature is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>A new random secret (32 bytes, URL-safe Base64, prefixed <c>whsec_</c>).</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

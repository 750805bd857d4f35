using System.Security.Cryptography;
using System.Text;

namespace Studio.Core.Accounts;

/// <summary>
/// Hashes API tokens. Tokens are 256-bit random strings, so a plain SHA-256 (no salt, no stretching) cannot be
/// brute-forced and lets a bearer token be found by an indexed lookup.
/// </summary>
public static class ApiTokenHasher
{
    /// <summary>The prefix every generated token starts with, so that leaked tokens are recognisable.</summary>
    public const string Prefix = "studio_";

    /// <summary>Hex SHA-256 of a token.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new random token.</summary>
    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

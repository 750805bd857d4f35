using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Studio.Core.Storage;

namespace Studio.Core.Assets;

/// <summary>
/// Signs and checks links to one asset each: <c>{PublicBaseUrl}/links/assets/{id}/{expires}/{signature}</c>, where the
/// signature is an HMAC-SHA256 of the id and the expiry time. A link works until it expires, for that asset only; an
/// expired or altered one is refused exactly like an unknown asset. There is no listing.
/// </summary>
public sealed class AssetLinks
{
    /// <summary>The route prefix links are served under.</summary>
    public const string RoutePrefix = "links/assets";

    private readonly Lazy<byte[]> _key;
    private readonly StudioOptions _studio;
    private readonly AssetLinkOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the signer; the key is read (or made) at first use.</summary>
    public AssetLinks(IOptions<StudioOptions> studio, IOptions<AssetLinkOptions> options, StudioPaths paths, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(studio);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        _studio = studio.Value;
        _options = options.Value;
        _time = time;
        _key = new Lazy<byte[]>(() => LoadKey(_options.SigningKey, Path.Combine(paths.DataDirectory, "keys", "links.key")));
    }

    /// <summary>True when <see cref="StudioOptions.PublicBaseUrl"/> is set, so links can be made.</summary>
    public bool CanLink => !string.IsNullOrWhiteSpace(_studio.PublicBaseUrl);

    /// <summary>A link to <paramref name="assetId"/> that works for <see cref="AssetLinkOptions.Lifetime"/>; null when <see cref="CanLink"/> is false.</summary>
    public Uri? LinkFor(Guid assetId)
    {
        if (!CanLink)
        {
            return null;
        }

        var expires = (_time.GetUtcNow() + _options.Lifetime).ToUnixTimeSeconds();
        var root = _studio.PublicBaseUrl!.EndsWith('/') ? _studio.PublicBaseUrl : _studio.PublicBaseUrl + "/";
        return new Uri(new Uri(root), string.Create(CultureInfo.InvariantCulture, $"{RoutePrefix}/{assetId:N}/{expires}/{Sign(assetId, expires)}"));
    }

    /// <summary>True when the link's parts were signed here and it has not expired.</summary>
    public bool IsValid(Guid assetId, long expires, string signature)
    {
        if (string.IsNullOrEmpty(signature) || expires < _time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(assetId, expires));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Sign(Guid assetId, long expires)
    {
        var data = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{assetId:N}.{expires}"));
        return Convert.ToBase64String(HMACSHA256.HashData(_key.Value, data)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static byte[] LoadKey(string configured, string file)
    {
        if (configured.Length > 0)
        {
            return Encoding.UTF8.GetBytes(configured);
        }

        if (File.Exists(file))
        {
            return File.ReadAllBytes(file);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process made it first: use that one.
            return File.ReadAllBytes(file);
        }
    }
}

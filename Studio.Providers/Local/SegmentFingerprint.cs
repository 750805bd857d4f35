using System.Security.Cryptography;
using System.Text;
using Studio.Core.Providers;

namespace Studio.Providers.Local;

/// <summary>
/// Stable pseudo-random choices for a segment (palette, motion), taken from a hash of its id and prompt: the same
/// segment looks the same on every render and every machine, and neighbouring segments (different ids) differ.
/// </summary>
internal readonly struct SegmentFingerprint
{
    private readonly byte[] _hash;

    private SegmentFingerprint(byte[] hash) => _hash = hash;

    /// <summary>The fingerprint of a request.</summary>
    public static SegmentFingerprint Of(GenerationRequest request) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.SegmentId:N}\n{request.Prompt}")));

    /// <summary>A number in [0, <paramref name="count"/>) taken from byte pair <paramref name="slot"/> (0 to 15).</summary>
    public int Pick(int slot, int count) => ((_hash[slot * 2] << 8) | _hash[(slot * 2) + 1]) % count;
}

using System.Collections.Immutable;

namespace Studio.Providers.Local;

/// <summary>Four colours of a text-to-video background, deep enough that white text reads on all of them.</summary>
/// <param name="C0">First gradient colour (0xRRGGBB).</param>
/// <param name="C1">Second gradient colour.</param>
/// <param name="C2">Third gradient colour.</param>
/// <param name="C3">Fourth gradient colour.</param>
internal sealed record LocalPalette(string C0, string C1, string C2, string C3)
{
    /// <summary>The palettes, in the order segments take them.</summary>
    public static ImmutableArray<LocalPalette> All { get; } =
    [
        new("0x1e1b4b", "0x4338ca", "0x7c3aed", "0xdb2777"), // indigo to pink
        new("0x0c4a6e", "0x0369a1", "0x0891b2", "0x0d9488"), // ocean
        new("0x7c2d12", "0xc2410c", "0xbe185d", "0x6d28d9"), // sunset
        new("0x052e16", "0x047857", "0x0f766e", "0x3f6212"), // forest
        new("0x4a044e", "0x86198f", "0xbe185d", "0x9f1239"), // berry
        new("0x0f172a", "0x1e3a8a", "0x0e7490", "0x115e59"), // midnight teal
        new("0x450a0a", "0x991b1b", "0xc2410c", "0x92400e"), // ember
        new("0x042f2e", "0x0f766e", "0x4f46e5", "0x7e22ce"), // aurora
        new("0x3b0764", "0x6b21a8", "0xb45309", "0x9d174d"), // plum and gold
        new("0x172554", "0x1d4ed8", "0x0284c7", "0x4338ca"), // steel blue
        new("0x881337", "0xbe123c", "0xa21caf", "0x6d28d9"), // rose
        new("0x083344", "0x155e75", "0x1e40af", "0x312e81"), // deep sea
    ];

    /// <summary>The palette of the segment at <paramref name="index"/>: by position, so neighbouring segments never share one.</summary>
    public static LocalPalette ForSegment(int index) => All[Math.Abs(index % All.Length)];
}

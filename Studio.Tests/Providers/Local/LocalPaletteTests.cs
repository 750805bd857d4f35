using Studio.Providers.Local;

namespace Studio.Tests.Providers.Local;

public sealed class LocalPaletteTests
{
    [Fact]
    public void ForSegment_NeighboursNeverShareAPalette()
    {
        var palettes = Enumerable.Range(0, 60).Select(LocalPalette.ForSegment).ToList();

        palettes.Zip(palettes.Skip(1)).Should().AllSatisfy(pair => pair.First.Should().NotBe(pair.Second));
        palettes.Take(LocalPalette.All.Length).Should().OnlyHaveUniqueItems("a 12-segment video uses twelve different backgrounds");
    }
}

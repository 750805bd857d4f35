using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Costs;

public sealed class ModelPriceTests
{
    [Theory]
    [InlineData(5, 0.25)]
    [InlineData(10, 0.5)]
    [InlineData(8, 0.4)]
    public void PriceOf_PerSecond_IsRateTimesTheClipLengthAsked(int seconds, double expected)
    {
        ModelPrice.PerSecond(0.05m).PriceOf(new ClipQuote("gen4_turbo", "", TimeSpan.FromSeconds(seconds))).Should().Be((decimal)expected);
    }

    [Fact]
    public void PriceOf_PerClip_IgnoresTheLength()
    {
        var price = ModelPrice.PerClip(0.075m);

        price.PriceOf(new ClipQuote("svd", "", TimeSpan.FromSeconds(4))).Should().Be(0.075m);
        price.PriceOf(new ClipQuote("svd", "", TimeSpan.FromSeconds(8))).Should().Be(0.075m);
    }

    [Fact]
    public void PriceOf_ResolutionWithItsOwnPrice_UsesIt()
    {
        var price = ModelPrice.PerSecond(0.03m).At("1080p", ModelPrice.PerSecond(0.09m));

        price.PriceOf(new ClipQuote("pika", "720p", TimeSpan.FromSeconds(5))).Should().Be(0.15m);
        price.PriceOf(new ClipQuote("pika", "1080p", TimeSpan.FromSeconds(5))).Should().Be(0.45m);
        price.PriceOf(new ClipQuote("pika", "1080P", TimeSpan.FromSeconds(5))).Should().Be(0.45m, "resolutions are matched regardless of case");
    }

    [Fact]
    public void PriceOf_NothingSet_IsNull()
    {
        new ModelPrice().PriceOf(new ClipQuote("x", "", TimeSpan.FromSeconds(5))).Should().BeNull();
    }

    [Fact]
    public void ClipPrice_ModelWithoutPrice_IsNullAndMissingPriceNamesTheSetting()
    {
        var provider = new InertVideoProvider("paid", 0.1m);
        var request = new GenerationRequest(Guid.Empty, "x", "", GenerationMode.TextToVideo, AspectRatio.Portrait9x16, TimeSpan.FromSeconds(5), null);

        CostModel.ClipPrice(provider, request).Should().Be(0.1m);
        CostModel.MissingPrice(provider, request).Should().BeNull();

        var unpriced = new UnpricedProvider();
        CostModel.ClipPrice(unpriced, request).Should().BeNull();
        CostModel.MissingPrice(unpriced, request).Should().Contain("Studio:Providers:Unpriced:Prices:mystery");
    }

    [Theory]
    [InlineData(new[] { 4, 8, 12 }, 5, 8)]
    [InlineData(new[] { 4, 8, 12 }, 4, 4)]
    [InlineData(new[] { 4, 8, 12 }, 13, 12)]
    [InlineData(new[] { 5, 9 }, 6, 9)]
    [InlineData(new int[0], 7, 7)]
    public void ClipLengthFor_Segment_IsTheNearestLongerLengthOrTheLongest(int[] lengths, int segment, int expected)
    {
        var caps = new ProviderCapabilities(new HashSet<GenerationMode>(), new HashSet<AspectRatio>(), 100, TimeSpan.FromSeconds(60))
        {
            ClipLengths = [.. lengths.Select(l => TimeSpan.FromSeconds(l))],
        };

        caps.ClipLengthFor(TimeSpan.FromSeconds(segment)).Should().Be(TimeSpan.FromSeconds(expected));
    }

    private sealed class UnpricedProvider : IVideoProvider
    {
        public string Name => "unpriced";

        public string DisplayName => "Unpriced";

        public ProviderCapabilities Capabilities { get; } = new(new HashSet<GenerationMode>(), new HashSet<AspectRatio>(), 100, TimeSpan.FromSeconds(10));

        public IReadOnlyDictionary<string, ModelPrice> Prices { get; } = new Dictionary<string, ModelPrice>();

        public ClipQuote Quote(GenerationRequest request) => new("mystery", "", request.Duration);

        public Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct) => throw new NotSupportedException();

        public Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct) => throw new NotSupportedException();

        public Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct) => throw new NotSupportedException();

        public Task CancelAsync(string providerJobId, CancellationToken ct) => throw new NotSupportedException();
    }
}

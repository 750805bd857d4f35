namespace Studio.Providers.Veo.Wire;

/// <summary>What a finished generation made.</summary>
/// <param name="GeneratedSamples">The clips (one: Studio asks for one).</param>
/// <param name="RaiMediaFilteredCount">Clips withheld by Google's safety filters.</param>
/// <param name="RaiMediaFilteredReasons">Why they were withheld, in words.</param>
public sealed record VeoGenerateVideoResponse(
    IReadOnlyList<VeoSample>? GeneratedSamples,
    int? RaiMediaFilteredCount,
    IReadOnlyList<string>? RaiMediaFilteredReasons);

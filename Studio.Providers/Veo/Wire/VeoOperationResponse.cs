namespace Studio.Providers.Veo.Wire;

/// <summary>The <c>response</c> of a finished operation (a <c>PredictLongRunningResponse</c>).</summary>
/// <param name="GenerateVideoResponse">The videos, or why there are none.</param>
public sealed record VeoOperationResponse(VeoGenerateVideoResponse? GenerateVideoResponse);

namespace Studio.Providers.Veo.Wire;

/// <summary>Body of <c>POST models/{model}:predictLongRunning</c>.</summary>
/// <param name="Instances">One instance: the prompt and, for image-to-video, the first frame.</param>
/// <param name="Parameters">Shape, length and resolution of the clip.</param>
public sealed record VeoPredictRequest(IReadOnlyList<VeoInstance> Instances, VeoParameters Parameters);

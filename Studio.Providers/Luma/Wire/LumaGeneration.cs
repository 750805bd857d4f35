namespace Studio.Providers.Luma.Wire;

/// <summary>A generation as Luma reports it (every member may be missing).</summary>
/// <param name="Id">Luma's id (the provider job id).</param>
/// <param name="State">One of <see cref="LumaStates"/>.</param>
/// <param name="FailureReason">Why it failed, in Luma's words, when <see cref="State"/> is "failed".</param>
/// <param name="Model">The model that makes it.</param>
/// <param name="Assets">The results; <c>assets.video</c> is set once completed.</param>
/// <param name="CreatedAt">When it was submitted.</param>
public sealed record LumaGeneration(
    string? Id,
    string? State,
    string? FailureReason,
    string? Model,
    LumaAssets? Assets,
    DateTimeOffset? CreatedAt);

namespace Studio.Providers.Luma.Wire;

/// <summary>A generation's results, as URLs on Luma's CDN.</summary>
/// <param name="Video">The MP4, once completed.</param>
/// <param name="Image">A thumbnail.</param>
/// <param name="ProgressVideo">A partial preview while dreaming.</param>
public sealed record LumaAssets(string? Video, string? Image, string? ProgressVideo);

namespace Studio.Core.Assembly;

/// <summary>File-store keys of a job's outputs.</summary>
/// <param name="Video">The final MP4.</param>
/// <param name="Poster">The poster JPEG.</param>
public sealed record FinalCutFiles(string Video, string Poster);

namespace Studio.Core.Assembly;

/// <summary>File-store keys of a job's outputs.</summary>
/// <param name="Video">The final MP4.</param>
/// <param name="Poster">The poster JPEG.</param>
/// <param name="Captions">The SRT captions, or null when the job has none.</param>
/// <param name="Clips">The ZIP of the segment clips, or null when it was not made.</param>
public sealed record FinalCutFiles(string Video, string Poster, string? Captions = null, string? Clips = null);

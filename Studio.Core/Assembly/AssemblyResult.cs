namespace Studio.Core.Assembly;

/// <summary>What an assembly produced.</summary>
/// <param name="VideoFile">The MP4 (H.264/AAC, faststart).</param>
/// <param name="PosterFile">The poster JPEG.</param>
/// <param name="Duration">Length of the MP4 as ffprobe reads it.</param>
/// <param name="StreamCopied">True when the clips were joined without re-encoding.</param>
public sealed record AssemblyResult(string VideoFile, string PosterFile, TimeSpan Duration, bool StreamCopied);

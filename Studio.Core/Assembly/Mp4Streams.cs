namespace Studio.Core.Assembly;

/// <summary>What an MP4's moov box says of its one H.264 and one AAC track.</summary>
/// <param name="Signature">The decoder configuration of both tracks (see <see cref="Mp4StreamSignature"/>).</param>
/// <param name="Width">Picture width.</param>
/// <param name="Height">Picture height.</param>
/// <param name="FrameRate">Frames a second (timescale over the first frame's duration).</param>
/// <param name="Duration">The movie's duration.</param>
internal sealed record Mp4Streams(string Signature, int Width, int Height, double FrameRate, TimeSpan Duration);

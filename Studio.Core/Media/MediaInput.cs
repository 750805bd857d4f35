namespace Studio.Core.Media;

/// <summary>One input of an FFmpeg run.</summary>
/// <param name="Source">A file path, or a lavfi graph when <paramref name="Options"/> say <c>-f lavfi</c>.</param>
/// <param name="Options">Options that stand before <c>-i</c>, one token each (e.g. "-loop", "1").</param>
public sealed record MediaInput(string Source, IReadOnlyList<string> Options)
{
    /// <summary>A plain file input.</summary>
    public static MediaInput File(string path) => new(path, []);

    /// <summary>A synthetic source from FFmpeg's lavfi device.</summary>
    public static MediaInput Lavfi(string graph) => new(graph, ["-f", "lavfi"]);
}

using Studio.Core.Common;

namespace Studio.Core.Segments;

/// <summary>The modes' names inside a stored sentence ("text-to-video"), worded in the reader's language when read.</summary>
public static class GenerationModeNames
{
    /// <summary>"text-to-video", "image-to-video" or "video-to-video" as a nested <see cref="StoredText"/>; an unknown value as its name.</summary>
    public static StoredText ToStoredText(this GenerationMode mode) => mode switch
    {
        GenerationMode.TextToVideo => StoredText.Of("text-to-video"),
        GenerationMode.ImageToVideo => StoredText.Of("image-to-video"),
        GenerationMode.VideoToVideo => StoredText.Of("video-to-video"),
        _ => StoredText.Verbatim(mode.ToString()),
    };
}

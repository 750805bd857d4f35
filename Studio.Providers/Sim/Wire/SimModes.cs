using Studio.Core.Segments;

namespace Studio.Providers.Sim.Wire;

/// <summary>The values of <see cref="SimCreateRequest.Mode"/>.</summary>
public static class SimModes
{
    /// <summary>From the prompt alone.</summary>
    public const string TextToVideo = "text_to_video";

    /// <summary>From an image.</summary>
    public const string ImageToVideo = "image_to_video";

    /// <summary>From a clip.</summary>
    public const string VideoToVideo = "video_to_video";

    /// <summary>Every mode the simulator knows.</summary>
    public static IReadOnlyList<string> All { get; } = [TextToVideo, ImageToVideo, VideoToVideo];

    /// <summary>The wire name of a Studio generation mode.</summary>
    public static string For(GenerationMode mode) => mode switch
    {
        GenerationMode.TextToVideo => TextToVideo,
        GenerationMode.ImageToVideo => ImageToVideo,
        GenerationMode.VideoToVideo => VideoToVideo,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "No simulator mode for this generation mode."),
    };
}

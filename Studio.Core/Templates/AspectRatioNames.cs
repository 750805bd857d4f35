namespace Studio.Core.Templates;

/// <summary>The human names of aspect ratios ("9:16"), as the API and the UI show them.</summary>
public static class AspectRatioNames
{
    /// <summary>"9:16", "16:9", "1:1" or "4:5".</summary>
    public static string ToDisplay(this AspectRatio ratio) => ratio switch
    {
        AspectRatio.Portrait9x16 => "9:16",
        AspectRatio.Landscape16x9 => "16:9",
        AspectRatio.Square1x1 => "1:1",
        AspectRatio.Portrait4x5 => "4:5",
        _ => ratio.ToString(),
    };
}

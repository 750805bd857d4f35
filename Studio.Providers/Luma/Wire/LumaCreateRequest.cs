namespace Studio.Providers.Luma.Wire;

/// <summary>Body of <c>POST generations</c> (snake_case; null members are left out).</summary>
/// <param name="GenerationType">Always "video".</param>
/// <param name="Model">"ray-2", "ray-flash-2", …</param>
/// <param name="Prompt">3 to 5000 characters.</param>
/// <param name="AspectRatio">"16:9", "9:16", "1:1", "3:4", …</param>
/// <param name="Duration">"5s" or "9s" (a string, not a number).</param>
/// <param name="Resolution">"540p", "720p", "1080p" or "4k".</param>
/// <param name="Keyframes">The start image for image-to-video; null for text-to-video.</param>
public sealed record LumaCreateRequest(
    string GenerationType,
    string Model,
    string Prompt,
    string AspectRatio,
    string Duration,
    string Resolution,
    LumaKeyframes? Keyframes);

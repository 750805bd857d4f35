namespace Studio.Providers.Sora.Wire;

/// <summary>JSON body of <c>POST videos</c> (text-to-video; image-to-video sends the same fields as multipart form fields).</summary>
/// <param name="Model">"sora-2", "sora-2-pro" or a dated snapshot.</param>
/// <param name="Prompt">What the video shows.</param>
/// <param name="Seconds">"4", "8" or "12": a string, not a number.</param>
/// <param name="Size">"720x1280", "1280x720" (every model), "1024x1792", "1792x1024" (sora-2-pro).</param>
public sealed record SoraCreateRequest(string Model, string Prompt, string Seconds, string Size);

namespace Studio.Providers.Luma.Wire;

/// <summary>One keyframe: <c>{"type":"image","url":"https://…"}</c>. Luma fetches the image from the URL.</summary>
/// <param name="Type">"image".</param>
/// <param name="Url">Where Luma fetches it (a signed, expiring Studio link).</param>
public sealed record LumaKeyframe(string Type, Uri Url);

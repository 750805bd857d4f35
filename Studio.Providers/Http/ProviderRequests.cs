using Studio.Core.Assets;
using Studio.Core.Common;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Providers.Http;

/// <summary>
/// What every hosted client checks before it sends anything (a request that cannot succeed is refused for good, and
/// nothing is billed), and the prompt text they send: the segment's prompt, then the template's style words.
/// </summary>
public static class ProviderRequests
{
    /// <summary>
    /// Refuses, with a permanent <see cref="ProviderException"/> in words for the user, a request outside
    /// <paramref name="capabilities"/>: an empty prompt (unless <paramref name="promptRequired"/> is false), a prompt over
    /// the limit, a mode or frame shape the provider does not make, a segment longer than it can fill, or an image- or
    /// video-to-video request without an input of the right kind.
    /// </summary>
    public static void Check(GenerationRequest request, ProviderCapabilities capabilities, string title, bool promptRequired = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(capabilities);
        if (promptRequired && string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new ProviderException(StoredText.Of("The prompt is empty."), isPermanent: true);
        }

        if (request.Prompt.Length > capabilities.MaxPromptLength)
        {
            throw new ProviderException(StoredText.Of("The prompt is longer than the {0} characters {1} takes.", capabilities.MaxPromptLength, title), isPermanent: true);
        }

        if (!capabilities.Modes.Contains(request.Mode))
        {
            throw new ProviderException(
                StoredText.Of(
                    "{0} cannot make {1} clips; it makes {2}.",
                    title,
                    request.Mode.ToStoredText(),
                    StoredText.List(capabilities.Modes.Order().Select(m => m.ToStoredText()))),
                isPermanent: true);
        }

        if (!capabilities.AspectRatios.Contains(request.AspectRatio))
        {
            throw new ProviderException(
                StoredText.Of(
                    "{0} makes only {1} clips, not {2}.",
                    title,
                    StoredText.List(capabilities.AspectRatios.Order().Select(r => r.ToDisplay())),
                    request.AspectRatio.ToDisplay()),
                isPermanent: true);
        }

        if (request.Duration <= TimeSpan.Zero || request.Duration > capabilities.MaxDuration)
        {
            throw new ProviderException(StoredText.Of("{0} fills segments of more than 0 and at most {1:0.##} seconds.", title, capabilities.MaxDuration.TotalSeconds), isPermanent: true);
        }

        var needed = request.Mode switch
        {
            GenerationMode.ImageToVideo => AssetKind.Image,
            GenerationMode.VideoToVideo => AssetKind.Video,
            _ => (AssetKind?)null,
        };
        if (needed is { } kind && request.Input?.Kind != kind)
        {
            throw new ProviderException(
                kind == AssetKind.Image
                    ? StoredText.Of("{0} at {1} needs an input image.", request.Mode.ToStoredText(), title)
                    : StoredText.Of("{0} at {1} needs an input clip.", request.Mode.ToStoredText(), title),
                isPermanent: true);
        }
    }

    /// <summary>
    /// The prompt sent: the request's, then "Style: …" when the template has style words, cut to <paramref name="max"/>
    /// characters without splitting a surrogate pair.
    /// </summary>
    public static string PromptWithStyle(GenerationRequest request, int max)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = request.Prompt.Trim();
        var style = request.StylePrompt.Trim();
        var text = style.Length == 0 ? prompt
            : prompt.Length == 0 ? $"Style: {style}"
            : char.IsPunctuation(prompt[^1]) ? $"{prompt} Style: {style}"
            : $"{prompt}. Style: {style}";
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut].TrimEnd();
    }
}

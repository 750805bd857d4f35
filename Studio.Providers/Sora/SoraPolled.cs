using Studio.Providers.Sora.Wire;

namespace Studio.Providers.Sora;

/// <summary>A video as a status call returned it, with the wait OpenAI asked for before the next call.</summary>
/// <param name="Video">The video.</param>
/// <param name="PollAfter">The <c>openai-poll-after-ms</c> header, when sent.</param>
public sealed record SoraPolled(SoraVideo Video, TimeSpan? PollAfter);

namespace Studio.Providers.Stability;

/// <summary>What <c>GET v2beta/image-to-video/result/{id}</c> said, read from its status and headers only.</summary>
public enum StabilityResultState
{
    /// <summary>202: still being made.</summary>
    InProgress,

    /// <summary>200 with <c>finish-reason: SUCCESS</c>: the body is the MP4.</summary>
    Succeeded,

    /// <summary>200 with <c>finish-reason: CONTENT_FILTERED</c>, or 403 named <c>content_moderation</c>: refused by Stability's moderation.</summary>
    ContentFiltered,

    /// <summary>404: unknown id, another key's, or the result's 24 hours are over.</summary>
    NotFound,
}

namespace Studio.Core.Common;

/// <summary>
/// An exception whose message is meant for a user: the reason to store or show, as a <see cref="StoredText"/> worded in
/// the reader's language (one of our sentences, or the message kept as written).
/// </summary>
public interface IStoredReason
{
    /// <summary>What to store or show as the reason.</summary>
    StoredText Stored { get; }
}

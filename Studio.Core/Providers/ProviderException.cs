using Studio.Core.Common;

namespace Studio.Core.Providers;

/// <summary>A provider refused a request or could not be reached.</summary>
public class ProviderException : Exception, IStoredReason
{
    /// <summary>Creates the exception.</summary>
    public ProviderException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public ProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, saying whether trying again could help.</summary>
    public ProviderException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    /// <summary>
    /// Creates the exception with one of our sentences (worded in the reader's language when the stored reason is read);
    /// <see cref="Exception.Message"/> is its English.
    /// </summary>
    public ProviderException(StoredText text, bool isPermanent = false, Exception? innerException = null)
        : base((text ?? throw new ArgumentNullException(nameof(text))).English, innerException)
    {
        Text = text;
        IsPermanent = isPermanent;
    }

    /// <summary>The message as a stored sentence when it is one of ours; null when it is only words (<see cref="Exception.Message"/>).</summary>
    public StoredText? Text { get; }

    /// <summary>What to store as the reason: <see cref="Text"/> when ours, else the message kept as written.</summary>
    public StoredText Stored => Text ?? StoredText.Verbatim(Message);

    /// <summary>
    /// The reason to store for any failure: the sentence of an exception meant for users (<see cref="IStoredReason"/>), else
    /// the message as written.
    /// </summary>
    public static StoredText StoredFor(Exception exception) =>
        exception is IStoredReason reason ? reason.Stored : StoredText.Verbatim(exception?.Message ?? string.Empty);

    /// <summary>True when trying again would fail the same way (bad request, refused content, bad key).</summary>
    public bool IsPermanent { get; }

    /// <summary>
    /// True when the provider certainly started nothing (it refused the call: rate limited, overloaded, unreachable):
    /// a submission that failed so need not be looked up before trying again.
    /// </summary>
    public bool NothingStarted { get; init; }
}

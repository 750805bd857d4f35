using Studio.Core.Common;

namespace Studio.Providers.Local;

/// <summary>A font file that cannot be measured, with why as a sentence worded in the reader's language.</summary>
internal sealed class UnusableFontException : Exception
{
    public UnusableFontException()
    {
        Reason = StoredText.Verbatim(Message);
    }

    public UnusableFontException(string message)
        : base(message)
    {
        Reason = StoredText.Verbatim(message);
    }

    public UnusableFontException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = StoredText.Verbatim(message);
    }

    /// <summary>Creates the exception with our sentence (its English is the message) and, optionally, its cause.</summary>
    public UnusableFontException(StoredText reason, Exception? innerException = null)
        : base((reason ?? throw new ArgumentNullException(nameof(reason))).English, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the font cannot be used.</summary>
    public StoredText Reason { get; }
}

using Studio.Core.Common;

namespace Studio.Core.Media;

/// <summary>FFmpeg or ffprobe failed.</summary>
public sealed class MediaProcessingException : Exception, IStoredReason
{
    /// <summary>Creates the exception.</summary>
    public MediaProcessingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MediaProcessingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MediaProcessingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a short message for users and FFmpeg's own words for the log.</summary>
    public MediaProcessingException(string message, string details)
        : base(message)
    {
        Details = details;
    }

    /// <summary>
    /// Creates the exception with one of our sentences (worded in the reader's language when the stored reason is read);
    /// <see cref="Exception.Message"/> is its English.
    /// </summary>
    public MediaProcessingException(StoredText text, Exception? innerException = null)
        : base((text ?? throw new ArgumentNullException(nameof(text))).English, innerException)
    {
        Text = text;
    }

    /// <summary>Creates the exception with one of our sentences for users and FFmpeg's own words for the log.</summary>
    public MediaProcessingException(StoredText text, string details)
        : this(text)
    {
        Details = details;
    }

    /// <summary>The message as a stored sentence when it is one of ours; null when it is only words (<see cref="Exception.Message"/>).</summary>
    public StoredText? Text { get; }

    /// <summary>What to store as the reason: <see cref="Text"/> when ours, else the message kept as written.</summary>
    public StoredText Stored => Text ?? StoredText.Verbatim(Message);

    /// <summary>FFmpeg's last lines of output (paths included): for the log, never for users. Default null.</summary>
    public string? Details { get; }

    /// <inheritdoc />
    public override string ToString() => Details is null ? base.ToString() : $"{base.ToString()}{Environment.NewLine}FFmpeg said:{Environment.NewLine}{Details}";
}

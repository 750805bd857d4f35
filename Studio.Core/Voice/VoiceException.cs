using Studio.Core.Common;

namespace Studio.Core.Voice;

/// <summary>A voice engine could not read a line; the message is meant for the user.</summary>
public sealed class VoiceException : Exception, IStoredReason
{
    /// <summary>Creates the exception.</summary>
    public VoiceException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public VoiceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and its cause.</summary>
    public VoiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Creates the exception with one of our sentences (worded in the reader's language when the stored reason is read);
    /// <see cref="Exception.Message"/> is its English.
    /// </summary>
    public VoiceException(StoredText text, Exception? innerException = null)
        : base((text ?? throw new ArgumentNullException(nameof(text))).English, innerException)
    {
        Text = text;
    }

    /// <summary>The message as a stored sentence when it is one of ours; null when it is only words (<see cref="Exception.Message"/>).</summary>
    public StoredText? Text { get; }

    /// <summary>What to store as the reason: <see cref="Text"/> when ours, else the message kept as written.</summary>
    public StoredText Stored => Text ?? StoredText.Verbatim(Message);
}

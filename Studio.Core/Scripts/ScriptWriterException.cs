using Studio.Core.Common;

namespace Studio.Core.Scripts;

/// <summary>The script writer could not produce a usable storyboard; the message is meant for the user.</summary>
public sealed class ScriptWriterException : Exception, IStoredReason
{
    /// <summary>Creates the exception.</summary>
    public ScriptWriterException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public ScriptWriterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and its cause.</summary>
    public ScriptWriterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Creates the exception with one of our sentences (worded in the reader's language where it is shown);
    /// <see cref="Exception.Message"/> is its English.
    /// </summary>
    public ScriptWriterException(StoredText text, Exception? innerException = null)
        : base((text ?? throw new ArgumentNullException(nameof(text))).English, innerException)
    {
        Text = text;
    }

    /// <summary>The message as a sentence of ours when it is one; null when it is only words (<see cref="Exception.Message"/>).</summary>
    public StoredText? Text { get; }

    /// <summary>What to show or store: <see cref="Text"/> when ours, else the message kept as written.</summary>
    public StoredText Stored => Text ?? StoredText.Verbatim(Message);
}

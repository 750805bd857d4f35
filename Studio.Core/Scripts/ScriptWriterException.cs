namespace Studio.Core.Scripts;

/// <summary>The script writer could not produce a usable storyboard; the message is meant for the user.</summary>
public sealed class ScriptWriterException : Exception
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
}

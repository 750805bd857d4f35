namespace Studio.Core.Voice;

/// <summary>A voice engine could not read a line; the message is meant for the user.</summary>
public sealed class VoiceException : Exception
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
}

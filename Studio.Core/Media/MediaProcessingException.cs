namespace Studio.Core.Media;

/// <summary>FFmpeg or ffprobe failed.</summary>
public sealed class MediaProcessingException : Exception
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
}

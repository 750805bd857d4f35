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

    /// <summary>Creates the exception with a short message for users and FFmpeg's own words for the log.</summary>
    public MediaProcessingException(string message, string details)
        : base(message)
    {
        Details = details;
    }

    /// <summary>FFmpeg's last lines of output (paths included): for the log, never for users. Default null.</summary>
    public string? Details { get; }

    /// <inheritdoc />
    public override string ToString() => Details is null ? base.ToString() : $"{base.ToString()}{Environment.NewLine}FFmpeg said:{Environment.NewLine}{Details}";
}

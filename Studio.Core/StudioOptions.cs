using System.ComponentModel.DataAnnotations;

namespace Studio.Core;

/// <summary>Top-level settings under <c>Studio</c>.</summary>
public sealed class StudioOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio";

    /// <summary>Folder for the database, uploads and outputs; relative paths are taken from the content root. Default "data".</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";
}

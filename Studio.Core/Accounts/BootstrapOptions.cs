using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Accounts;

/// <summary>The first account, under <c>Studio:Bootstrap</c>.</summary>
public sealed class BootstrapOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Bootstrap";

    /// <summary>E-mail of the admin created when the database has no user. Default "admin@studio.local".</summary>
    [Required]
    [EmailAddress]
    public string AdminEmail { get; set; } = "admin@studio.local";

    /// <summary>Its password; when empty a strong one is generated and shown once on the console.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>When set, made a valid API token of the bootstrap admin at every start (stored hashed).</summary>
    [MinLength(24, ErrorMessage = "Studio:Bootstrap:ApiToken must be at least 24 characters long.")]
    public string? ApiToken { get; set; }
}

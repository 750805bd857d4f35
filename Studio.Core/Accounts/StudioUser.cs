using Microsoft.AspNetCore.Identity;

namespace Studio.Core.Accounts;

/// <summary>A person who signs in to Studio.</summary>
public sealed class StudioUser : IdentityUser
{
    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

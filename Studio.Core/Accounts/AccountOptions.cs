using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Accounts;

/// <summary>Sign-in and token rules, under <c>Studio:Accounts</c>.</summary>
public sealed class AccountOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Accounts";

    /// <summary>Failed sign-ins in a row that lock an account. Default 5.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Personal API tokens a user may hold at once (revoked ones do not count). Default 20.</summary>
    [Range(1, 1000)]
    public int MaxTokensPerUser { get; set; } = 20;
}

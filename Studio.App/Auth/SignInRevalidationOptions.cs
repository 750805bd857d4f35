using System.ComponentModel.DataAnnotations;

namespace Studio.App.Auth;

/// <summary>How soon a change to an account (role, security stamp, deletion) reaches its open sessions, under <c>Studio:Sessions</c>.</summary>
internal sealed class SignInRevalidationOptions
{
    public const string Section = "Studio:Sessions";

    /// <summary>
    /// How often a sign-in is checked against the account: a cookie older than this is checked on its next request (and
    /// refused once the account's security stamp changed), and each open page (Blazor circuit) checks its user this often.
    /// Default 15 seconds; each check is one small database read.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(15);
}

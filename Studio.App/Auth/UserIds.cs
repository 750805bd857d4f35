using System.Security.Claims;

namespace Studio.App.Auth;

/// <summary>Reads the signed-in user's id.</summary>
internal static class UserIds
{
    /// <summary>The user id claim; throws when the principal is anonymous (endpoints require sign-in).</summary>
    public static string RequireUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}

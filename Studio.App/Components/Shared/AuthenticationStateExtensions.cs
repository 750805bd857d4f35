using Microsoft.AspNetCore.Components.Authorization;
using Studio.App.Auth;

namespace Studio.App.Components.Shared;

/// <summary>Reads the signed-in user's id from the cascading authentication state.</summary>
internal static class AuthenticationStateExtensions
{
    /// <summary>The user id; throws when there is no state or no signed-in user (every page requires sign-in).</summary>
    public static async Task<string> RequireUserIdAsync(this Task<AuthenticationState>? state)
    {
        if (state is null)
        {
            throw new InvalidOperationException("No authentication state cascades to this component.");
        }

        return (await state).User.RequireUserId();
    }
}

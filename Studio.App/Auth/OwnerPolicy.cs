using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Studio.Core.Accounts;

namespace Studio.App.Auth;

/// <summary>
/// The one ownership rule, as an ASP.NET Core resource-based policy: a user's resource (job, asset, token) is theirs
/// alone. Every route of such a resource goes through it (<see cref="OwnedResourceFilter"/>), and a resource that fails it
/// answers 404, exactly like one that does not exist.
/// </summary>
internal static class OwnerPolicy
{
    /// <summary>The policy's name.</summary>
    public const string Name = "Owner";

    /// <summary>Registers the policy and its handler.</summary>
    public static AuthorizationBuilder AddOwnerPolicy(this AuthorizationBuilder builder, IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, OwnerHandler>();
        return builder.AddPolicy(Name, policy => policy.RequireAuthenticatedUser().AddRequirements(new OwnerRequirement()));
    }

    /// <summary>The resource must belong to the signed-in user.</summary>
    internal sealed class OwnerRequirement : IAuthorizationRequirement;

    /// <summary>Succeeds when the user's id is the resource's owner.</summary>
    internal sealed class OwnerHandler : AuthorizationHandler<OwnerRequirement, OwnedResource>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnerRequirement requirement, OwnedResource resource)
        {
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && string.Equals(userId, resource.OwnerId, StringComparison.Ordinal))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}

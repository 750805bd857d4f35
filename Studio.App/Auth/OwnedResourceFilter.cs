using Microsoft.AspNetCore.Authorization;
using Studio.Core.Accounts;

namespace Studio.App.Auth;

/// <summary>
/// Puts every route of a group whose <c>{id}</c> names a user's resource behind <see cref="OwnerPolicy"/>: the resource
/// is looked up, the policy decides, and anything but its owner gets the same 404 as a missing id — before the
/// route's own code runs. The route-enumeration test checks that no such route lacks it.
/// </summary>
internal sealed class OwnedResourceFilter(OwnedKind kind) : IEndpointFilter
{
    /// <summary>The kind of resource a route's <c>{id}</c> names.</summary>
    public OwnedKind Kind { get; } = kind;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var id))
        {
            return TypedResults.NotFound();
        }

        var resource = await http.RequestServices.GetRequiredService<ResourceOwners>().FindAsync(Kind, id, http.RequestAborted);
        if (resource is null)
        {
            return TypedResults.NotFound();
        }

        var allowed = await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, resource, OwnerPolicy.Name);
        return allowed.Succeeded ? await next(context) : TypedResults.NotFound();
    }
}

/// <summary>Marks the routes that go through <see cref="OwnedResourceFilter"/>.</summary>
/// <param name="Kind">The kind of resource their <c>{id}</c> names.</param>
internal sealed record OwnedResourceMetadata(OwnedKind Kind);

/// <summary>Applies <see cref="OwnedResourceFilter"/>.</summary>
internal static class OwnedResourceFilterExtensions
{
    /// <summary>Every route of <paramref name="group"/> names a <paramref name="kind"/> of the caller's by its <c>{id}</c>.</summary>
    public static RouteGroupBuilder RequireOwner(this RouteGroupBuilder group, OwnedKind kind)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.AddEndpointFilter(new OwnedResourceFilter(kind)).WithMetadata(new OwnedResourceMetadata(kind));
        return group;
    }
}

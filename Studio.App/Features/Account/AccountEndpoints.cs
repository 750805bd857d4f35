using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Studio.Core.Accounts;

namespace Studio.App.Features.Account;

/// <summary>Sign-out, and the API's sign-in (the browser's sign-in is the static page <c>/account/login</c>).</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", SignOut).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapAccountApi();
        return app;
    }

    public static async Task<IResult> SignOut(SignInManager<StudioUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }
}

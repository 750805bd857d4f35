using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Studio.App.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;
using Studio.Core.Accounts;
using Studio.Core.Audit;

namespace Studio.App.Features.Tokens;

/// <summary>
/// The signed-in user's personal API tokens: create (the token is in this one response and never again), list (no
/// token, no hash), revoke (the token fails from the next request on). Another user's token answers 404.
/// </summary>
internal static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/tokens").WithTags("Tokens");
        tokens.MapGet("/", ListTokens);
        tokens.MapPost("/", CreateToken);
        tokens.MapGroup("/{id:guid}").RequireOwner(OwnedKind.ApiToken).MapDelete(string.Empty, RevokeToken);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ApiTokenSummary>>> ListTokens(ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListAsync(user.RequireUserId(), ct));

    public static async Task<Results<Created<CreatedApiToken>, ValidationProblem, ProblemHttpResult>> CreateToken(
        CreateTokenRequest request, ClaimsPrincipal user, ApiTokenService tokens, IOptions<AccountOptions> options, AuditLog audit, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var result = await tokens.CreateAsync(user.RequireUserId(), request.Name, ct);
        if (result.Token is { } token)
        {
            await audit.WriteAsync(user.RequireUserId(), "token.create", $"token/{token.Id}", token.Name, null, ct);
            return TypedResults.Created($"/api/tokens/{token.Id}", token);
        }

        if (result.LimitReached)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Too many tokens",
                detail: localizers.Create(typeof(TokensApi))["You already have {0} API tokens, the most allowed; revoke one you no longer use first.", options.Value.MaxTokensPerUser]);
        }

        return TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    public static async Task<Results<NoContent, NotFound>> RevokeToken(Guid id, ClaimsPrincipal user, ApiTokenService tokens, AuditLog audit, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(user.RequireUserId(), id, ct))
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(user.RequireUserId(), "token.revoke", $"token/{id}", string.Empty, null, ct);
        return TypedResults.NoContent();
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Studio.App.Auth;
using Studio.Core.Accounts;
using Studio.Core.Audit;

namespace Studio.App.Features.Users;

/// <summary>
/// The users API, for admins only (enforced on the server: anyone else gets 403): create a user with a role, list
/// users. Password rules are Identity's and answer 400 naming <c>password</c>; a taken e-mail answers 409 naming
/// <c>email</c>.
/// </summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users")
            .RequireAuthorization(policy => policy.RequireRole(StudioRoles.Admin));
        users.MapGet("/", ListUsers);
        users.MapPost("/", CreateUser);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<UserSummary>>> ListUsers(UserAdministration administration, CancellationToken ct) =>
        TypedResults.Ok(await administration.ListAsync(ct));

    public static async Task<Results<Created<CreatedUserResponse>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateUserRequest request, ClaimsPrincipal admin, UserAdministration administration, AuditLog audit, CancellationToken ct)
    {
        var result = await administration.CreateAsync(new NewUser(request.Email, request.Password, request.Role), ct);
        if (result.User is { } user)
        {
            await audit.WriteAsync(admin.RequireUserId(), "user.create", $"user/{user.Id}", AuditDetails.UserCreated(user.Email, user.Role), null, ct);
            return TypedResults.Created($"/api/users/{user.Id}", new CreatedUserResponse(user.Id, user.Email, user.Role));
        }

        var errors = result.Errors!.ToDictionary();
        if (result.Duplicate)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The e-mail is taken",
                Detail = errors["email"][0],
            });
        }

        return TypedResults.ValidationProblem(errors);
    }
}

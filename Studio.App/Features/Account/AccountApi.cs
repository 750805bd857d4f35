using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Studio.Core.Accounts;
using Studio.Core.Common;

namespace Studio.App.Features.Account;

/// <summary>
/// <c>POST /api/account/login</c>: a sign-in cookie for scripts and API clients, under the same rules as the sign-in
/// page (failed sign-ins count towards the lockout). A wrong password and an unknown e-mail get the same answer; a
/// locked account gets 429 with <c>Retry-After</c>, even when the password is right. Its messages speak the caller's
/// language (French in <c>Resources/Features/Account/AccountApi.fr.resx</c>).
/// </summary>
internal static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/account/login", Login).WithTags("Account").AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<StudioUser> signIn, UnknownSignIns unknown, TimeProvider time, IStringLocalizerFactory localizers, HttpContext http)
    {
        var L = localizers.Create(typeof(AccountApi));
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add("email", L["Enter your e-mail."]);
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", L["Enter your password."]);
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var users = signIn.UserManager;
        var user = request.Email!.Length <= UserAdministration.MaxEmailLength ? await users.FindByEmailAsync(request.Email.Trim()) : null;
        if (user is null || request.Password!.Length > UserAdministration.MaxPasswordLength)
        {
            // No account (or an impossible password): the same work, the same answers, the same "lockout".
            return await unknown.FailAsync(request.Email, request.Password ?? string.Empty, http.RequestAborted) is { } lockedUntil
                ? Locked(lockedUntil, time, http, L)
                : WrongEmailOrPassword(L);
        }

        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var role = await users.IsInRoleAsync(user, StudioRoles.Admin) ? StudioRoles.Admin : StudioRoles.User;
            return TypedResults.Ok(new LoginResponse(user.Id, user.Email ?? string.Empty, role));
        }

        return result.IsLockedOut
            ? Locked(await users.GetLockoutEndDateAsync(user) ?? time.GetUtcNow(), time, http, L)
            : WrongEmailOrPassword(L);
    }

    private static ProblemHttpResult Locked(DateTimeOffset end, TimeProvider time, HttpContext http, IStringLocalizer L)
    {
        var wait = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((end - time.GetUtcNow()).TotalSeconds)));
        http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Account locked",
            detail: L["This account is locked for a while after too many failed sign-ins; try again in {0}.", Describe(wait, L)]);
    }

    private static ProblemHttpResult WrongEmailOrPassword(IStringLocalizer L) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: L["The e-mail and password do not match an account."]);

    private static string Describe(TimeSpan wait, IStringLocalizer L) =>
        wait.TotalSeconds <= 90
            ? L["{0} seconds", (int)wait.TotalSeconds]
            : L["{0} minutes", (int)Math.Ceiling(wait.TotalMinutes)];
}

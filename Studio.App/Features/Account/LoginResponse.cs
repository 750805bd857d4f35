namespace Studio.App.Features.Account;

/// <summary>The user just signed in (the sign-in cookie travels in the response's headers).</summary>
internal sealed record LoginResponse(string Id, string Email, string Role);

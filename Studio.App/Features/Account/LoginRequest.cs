namespace Studio.App.Features.Account;

/// <summary>Body of <c>POST /api/account/login</c>.</summary>
internal sealed record LoginRequest(string? Email, string? Password);

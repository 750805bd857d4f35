namespace Studio.App.Features.Tokens;

/// <summary>Body of <c>POST /api/tokens</c>.</summary>
internal sealed record CreateTokenRequest(string? Name);

namespace Studio.Core.Accounts;

/// <summary>A token just created: the only time the token itself is shown.</summary>
/// <param name="Id">Identifier, for revoking it.</param>
/// <param name="Name">Its cleaned name.</param>
/// <param name="Token">The bearer token; only its hash is stored.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record CreatedApiToken(Guid Id, string Name, string Token, DateTimeOffset CreatedAt);

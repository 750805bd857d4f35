namespace Studio.Core.Accounts;

/// <summary>A personal API token as its owner sees it in a list: never the token or its hash.</summary>
/// <param name="Id">Identifier, for revoking it.</param>
/// <param name="Name">The name its owner gave it.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="LastUsedAt">When it last signed a request in (to the minute); null when never used.</param>
public sealed record ApiTokenSummary(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

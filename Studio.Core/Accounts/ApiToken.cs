namespace Studio.Core.Accounts;

/// <summary>A personal API token. Only its SHA-256 hash is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    private ApiToken()
    {
        UserId = Name = TokenHash = string.Empty;
    }

    /// <summary>Records a token by its hash.</summary>
    public ApiToken(Guid id, string userId, string name, string tokenHash, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        Name = name;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The user the token acts as.</summary>
    public string UserId { get; private set; }

    /// <summary>A name the user gave it.</summary>
    public string Name { get; private set; }

    /// <summary>Hex SHA-256 of the token.</summary>
    public string TokenHash { get; private set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was revoked; a revoked token authenticates nobody.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>When it last signed a request in (recorded at most once a minute); null until first used.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>Stops the token from working.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

namespace Studio.App.Auth;

/// <summary>Names of Studio's authentication schemes.</summary>
internal static class AuthSchemes
{
    /// <summary>Picks the bearer scheme when an Authorization: Bearer header is present, else the Identity cookie.</summary>
    public const string Smart = "Studio";

    /// <summary>Personal API tokens.</summary>
    public const string Bearer = "ApiToken";
}

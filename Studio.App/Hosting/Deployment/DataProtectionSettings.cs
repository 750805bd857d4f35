namespace Studio.App.Hosting.Deployment;

/// <summary>
/// <c>Studio:DataProtection</c>: where the keys that seal sign-in cookies and antiforgery tokens are kept. Empty (the
/// default): ASP.NET Core's own place for this user, as before. Several web nodes set one shared folder (a volume), so
/// that a cookie made by one node is read by another and survives a node being replaced.
/// </summary>
internal sealed class DataProtectionSettings
{
    public const string Section = "Studio:DataProtection";

    /// <summary>A folder shared by every web node (relative paths from the content root). Default empty.</summary>
    public string KeysFolder { get; set; } = string.Empty;
}

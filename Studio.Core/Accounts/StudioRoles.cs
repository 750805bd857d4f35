namespace Studio.Core.Accounts;

/// <summary>The roles Studio knows.</summary>
public static class StudioRoles
{
    /// <summary>Sees and manages everything.</summary>
    public const string Admin = "Admin";

    /// <summary>Makes videos and sees only their own.</summary>
    public const string User = "User";

    /// <summary>All roles, for seeding.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, User];
}

namespace Studio.Core.Assets;

/// <summary>What a delete did.</summary>
public enum AssetDeleteOutcome
{
    /// <summary>The file and its row are gone.</summary>
    Deleted,

    /// <summary>No such asset of this user.</summary>
    NotFound,

    /// <summary>A job that is not finished uses it; nothing was deleted.</summary>
    InUse,
}

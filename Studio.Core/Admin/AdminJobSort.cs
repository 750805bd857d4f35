namespace Studio.Core.Admin;

/// <summary>The orders the admin's grid of every user's jobs can be read in.</summary>
public enum AdminJobSort
{
    /// <summary>By creation time (the default, newest first when descending).</summary>
    Created,

    /// <summary>By title, alphabetically (ASCII letters without regard to case).</summary>
    Title,

    /// <summary>By the owner's e-mail, alphabetically; jobs of deleted accounts come first when ascending.</summary>
    Owner,

    /// <summary>By where the job stands in its life (draft first, cancelled last).</summary>
    Status,

    /// <summary>By what the job has spent so far (what the grid shows).</summary>
    Cost,
}

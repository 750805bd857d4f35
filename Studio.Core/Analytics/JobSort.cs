namespace Studio.Core.Analytics;

/// <summary>The orders a job list can be read in.</summary>
public enum JobSort
{
    /// <summary>By creation time (the default, newest first when descending).</summary>
    Created,

    /// <summary>By title, alphabetically.</summary>
    Title,

    /// <summary>By cost: what was spent once finished, the estimate before.</summary>
    Cost,

    /// <summary>By where the job stands in its life (draft first, cancelled last).</summary>
    Status,
}

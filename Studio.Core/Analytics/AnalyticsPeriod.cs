namespace Studio.Core.Analytics;

/// <summary>How analytics are grouped in time (UTC).</summary>
public enum AnalyticsPeriod
{
    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}

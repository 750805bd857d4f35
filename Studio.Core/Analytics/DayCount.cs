namespace Studio.Core.Analytics;

/// <summary>How many jobs were created on one UTC day.</summary>
public sealed record DayCount(DateOnly Day, int Jobs);

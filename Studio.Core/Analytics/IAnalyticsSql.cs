namespace Studio.Core.Analytics;

/// <summary>
/// The raw SQL of the dashboard and the analytics, per engine (chosen with the database in <c>AddStudioDatabase</c>):
/// SQLite and PostgreSQL differ in date functions, quoting of names, sums over booleans and number types. Every query
/// returns the same columns on both: a period's first day as 'yyyy-MM-dd' text, counts as 32-bit integers, seconds
/// and amounts as doubles. Values are always parameters: {0}, {1} as the comments say.
/// </summary>
public interface IAnalyticsSql
{
    /// <summary>Day ('Day'), job count ('Jobs') of one owner ({0}) created since {1} (stored time).</summary>
    string JobsPerDay { get; }

    /// <summary>Completed, Failed and AverageSeconds (of the completed) of one owner's ({0}) jobs finished since {1}.</summary>
    string Finished { get; }

    /// <summary>Per <paramref name="unit"/> (week or month) of FinishedAt since {0}, of owner {1} when <paramref name="oneOwner"/>: Start, Completed, Failed, AverageSeconds.</summary>
    string JobsPerPeriod(string unit, bool oneOwner);

    /// <summary>Per period of the ledger since {0} (owner {1} when <paramref name="oneOwner"/>) and provider: Start, Name, Amount, Jobs.</summary>
    string SpendPerProvider(string unit, bool oneOwner);

    /// <summary>Per period of the ledger since {0} (owner {1} when <paramref name="oneOwner"/>) and template (<see cref="AnalyticsQueries.DeletedJob"/> for deleted jobs): Start, Name, Amount, Jobs.</summary>
    string SpendPerTemplate(string unit, bool oneOwner);
}

namespace Studio.Providers.Sim.Wire;

/// <summary>Body of <c>GET /v1/stats</c>: what the simulator has seen since it started.</summary>
/// <param name="TotalRequests">Protocol requests received (stats requests excluded), faulted ones included.</param>
/// <param name="TotalSubmissions">Generations created (what a paid provider would bill).</param>
/// <param name="SubmissionsBySegment">Generations created per segment id.</param>
/// <param name="SubmissionsByReference">Generations created per client reference.</param>
public sealed record SimStats(
    long TotalRequests,
    int TotalSubmissions,
    IReadOnlyDictionary<string, int> SubmissionsBySegment,
    IReadOnlyDictionary<string, int> SubmissionsByReference);

namespace Studio.Providers.Veo.Wire;

/// <summary>A long-running operation as <c>GET {name}</c> (and the start call, with only the name) reports it.</summary>
/// <param name="Name">"models/{model}/operations/{id}": Studio's provider job id.</param>
/// <param name="Done">True once finished; false or omitted while running.</param>
/// <param name="Error">Why it failed, when done with an error.</param>
/// <param name="Response">The result, when done without an error.</param>
public sealed record VeoOperation(string? Name, bool? Done, VeoStatus? Error, VeoOperationResponse? Response);

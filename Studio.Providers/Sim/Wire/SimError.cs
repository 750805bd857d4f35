namespace Studio.Providers.Sim.Wire;

/// <summary>What went wrong, in words for people and a code for programs.</summary>
/// <param name="Message">A sentence a user can read.</param>
/// <param name="Code">One of <see cref="SimErrorCodes"/>.</param>
public sealed record SimError(string Message, string Code);

using Studio.Core.Common;

namespace Studio.Core.Accounts;

/// <summary>The outcome of creating a token: the token, field errors ("name"), or the per-user limit reached.</summary>
/// <param name="Token">The new token; null when refused.</param>
/// <param name="Errors">Field messages when the name is refused.</param>
/// <param name="LimitReached">True when the user already holds <see cref="AccountOptions.MaxTokensPerUser"/> tokens.</param>
public sealed record ApiTokenCreation(CreatedApiToken? Token, ValidationErrors? Errors, bool LimitReached);

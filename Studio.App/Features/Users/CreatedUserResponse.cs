namespace Studio.App.Features.Users;

/// <summary>The user just created.</summary>
internal sealed record CreatedUserResponse(string Id, string Email, string Role);

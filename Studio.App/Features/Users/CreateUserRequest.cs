namespace Studio.App.Features.Users;

/// <summary>Body of <c>POST /api/users</c>: role is "User" or "Admin" (omitted: "User").</summary>
internal sealed record CreateUserRequest(string? Email, string? Password, string? Role);

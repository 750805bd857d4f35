using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;

namespace Studio.Tests.Api;

/// <summary>The one ownership policy: a user's job, asset or token is theirs alone — not another user's, not an anonymous caller's.</summary>
public sealed class OwnerPolicyTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Theory]
    [InlineData(OwnedKind.Job)]
    [InlineData(OwnedKind.Asset)]
    [InlineData(OwnedKind.ApiToken)]
    public async Task Authorize_OwnerOtherOrAnonymous_OnlyTheOwnerPasses(OwnedKind kind)
    {
        var authorization = factory.Services.GetRequiredService<IAuthorizationService>();
        var resource = new OwnedResource(kind, Guid.NewGuid(), "owner-1");

        (await authorization.AuthorizeAsync(User("owner-1"), resource, "Owner")).Succeeded.Should().BeTrue();
        (await authorization.AuthorizeAsync(User("someone-else"), resource, "Owner")).Succeeded.Should().BeFalse();
        (await authorization.AuthorizeAsync(User("admin-9", StudioRoles.Admin), resource, "Owner"))
            .Succeeded.Should().BeFalse("an admin reaches other users' work through the admin routes, not by owning it");
        (await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), resource, "Owner")).Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task FindAsync_UnknownId_IsNull()
    {
        (await factory.Services.GetRequiredService<ResourceOwners>().FindAsync(OwnedKind.Job, Guid.NewGuid(), CancellationToken.None)).Should().BeNull();
    }

    private static ClaimsPrincipal User(string id, string? role = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id) };
        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Persistence;

namespace Studio.Tests.Core.Accounts;

public sealed class AccountBootstrapperTests
{
    private const string Token = "studio_bootstrap_token_for_tests_0123456789";

    [Fact]
    public async Task Run_EmptyDatabaseNoPassword_CreatesAdminWithAStrongGeneratedPassword()
    {
        await using var core = await CoreHost.StartAsync();

        var result = await RunAsync(core);

        result.AdminCreated.Should().BeTrue();
        result.AdminEmail.Should().Be("admin@studio.local");
        result.GeneratedPassword.Should().NotBeNullOrEmpty().And.HaveLength(20);
        await using var scope = core.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var admin = await users.FindByEmailAsync("admin@studio.local");
        (await users.CheckPasswordAsync(admin!, result.GeneratedPassword!)).Should().BeTrue();
        (await users.IsInRoleAsync(admin!, StudioRoles.Admin)).Should().BeTrue();
    }

    [Fact]
    public async Task Run_Twice_CreatesTheAdminOnceAndShowsNoPasswordAgain()
    {
        await using var core = await CoreHost.StartAsync();
        await RunAsync(core);

        var second = await RunAsync(core);

        second.AdminCreated.Should().BeFalse();
        second.GeneratedPassword.Should().BeNull();
        await using var db = await core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        (await db.Users.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Run_ConfiguredPasswordAndToken_UsesThemAndStoresOnlyTheTokenHash()
    {
        await using var core = await CoreHost.StartAsync(new Dictionary<string, string?>
        {
            ["Studio:Bootstrap:AdminEmail"] = "boss@example.com",
            ["Studio:Bootstrap:AdminPassword"] = "Configured-Pass-123",
            ["Studio:Bootstrap:ApiToken"] = Token,
        });

        var result = await RunAsync(core);

        result.GeneratedPassword.Should().BeNull();
        var userId = await core.Get<ApiTokenAuthenticator>().FindUserIdAsync(Token, CancellationToken.None);
        await using var db = await core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var admin = await db.Users.SingleAsync();
        userId.Should().Be(admin.Id);
        var stored = await db.ApiTokens.SingleAsync();
        stored.TokenHash.Should().Be(ApiTokenHasher.Hash(Token)).And.NotContain(Token);
    }

    [Fact]
    public async Task Run_BootstrapTokenWasRevoked_IsMadeValidAgainAtStart()
    {
        await using var core = await CoreHost.StartAsync(new Dictionary<string, string?> { ["Studio:Bootstrap:ApiToken"] = Token });
        await RunAsync(core);
        await using (var db = await core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            (await db.ApiTokens.SingleAsync()).Revoke(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        (await core.Get<ApiTokenAuthenticator>().FindUserIdAsync(Token, CancellationToken.None)).Should().BeNull();
        await RunAsync(core);

        (await core.Get<ApiTokenAuthenticator>().FindUserIdAsync(Token, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Run_PasswordBreakingTheRules_FailsWithAClearMessage()
    {
        await using var core = await CoreHost.StartAsync(new Dictionary<string, string?> { ["Studio:Bootstrap:AdminPassword"] = "short" });

        var act = () => RunAsync(core);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Studio:Bootstrap:AdminPassword*");
    }

    private static async Task<BootstrapResult> RunAsync(CoreHost core)
    {
        await using var scope = core.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountBootstrapper>().RunAsync(CancellationToken.None);
    }
}

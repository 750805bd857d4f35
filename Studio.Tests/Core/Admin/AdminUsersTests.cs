using Microsoft.EntityFrameworkCore;
using Studio.Core.Accounts;
using Studio.Core.Admin;
using Studio.Core.Costs;
using Studio.Core.Jobs;
using Studio.Core.Persistence;

namespace Studio.Tests.Core.Admin;

/// <summary>An admin managing users through the real Identity store over a real SQLite database.</summary>
public sealed class AdminUsersTests : IAsyncLifetime
{
    private CoreHost _core = null!;

    private AdminUsers Users => _core.Get<AdminUsers>();

    public async Task InitializeAsync()
    {
        _core = await CoreHost.StartAsync(new Dictionary<string, string?> { ["Studio:Budget:MonthlyUsdPerUser"] = "25" });
        await RoleSeed.AddRolesAsync(_core.Services);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task List_ShowsOwnOrDefaultBudgetAndThisMonthsSpending()
    {
        var admin = await CreateAsync("admin@example.com", StudioRoles.Admin);
        var user = await CreateAsync("user@example.com", StudioRoles.User);
        (await Users.SetBudgetAsync(admin, user, 40m, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Done);
        await using (var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            db.Costs.Add(CostEntry.Now(TimeProvider.System, user, Guid.NewGuid(), 0, "sim", CostKind.Clip, 1.25m));
            db.Costs.Add(CostEntry.Now(TimeProvider.System, user, Guid.NewGuid(), 0, "sim", CostKind.Clip, 0.50m));
            await db.SaveChangesAsync();
        }

        var rows = await Users.ListAsync(CancellationToken.None);

        rows.Select(r => r.Email).Should().Equal("admin@example.com", "user@example.com");
        rows[0].Should().Match<AdminUserRow>(r => r.Role == StudioRoles.Admin && r.MonthlyBudgetUsd == 25m && !r.OwnBudget && r.SpentThisMonthUsd == 0m);
        rows[1].Should().Match<AdminUserRow>(r => r.Role == StudioRoles.User && r.MonthlyBudgetUsd == 40m && r.OwnBudget && r.SpentThisMonthUsd == 1.75m);
        (await AuditAsync(admin)).Should().Contain(a => a.Action == "budget.set" && a.Target == $"user/{user}" && a.CostUsd == 40m);
    }

    [Fact]
    public async Task SetRole_PromotesAnotherUser_AndIsAudited()
    {
        var admin = await CreateAsync("admin@example.com", StudioRoles.Admin);
        var user = await CreateAsync("user@example.com", StudioRoles.User);

        var result = await Users.SetRoleAsync(admin, user, "admin", CancellationToken.None);

        result.Outcome.Should().Be(JobCommandOutcome.Done);
        (await Users.ListAsync(CancellationToken.None)).Single(r => r.Id == user).Role.Should().Be(StudioRoles.Admin);
        (await AuditAsync(admin)).Should().Contain(a => a.Action == "user.role" && a.Target == $"user/{user}");
    }

    [Fact]
    public async Task SetRole_AdminDemotesThemselves_IsRefused()
    {
        var admin = await CreateAsync("admin@example.com", StudioRoles.Admin);

        var result = await Users.SetRoleAsync(admin, admin, StudioRoles.User, CancellationToken.None);

        result.Outcome.Should().Be(JobCommandOutcome.Conflict);
        (await Users.ListAsync(CancellationToken.None)).Single().Role.Should().Be(StudioRoles.Admin);
    }

    [Fact]
    public async Task Create_ShortPassword_SaysSoAtThePasswordField_AndCreatesNothing()
    {
        var result = await Users.CreateAsync("admin-1", new NewUser("new@example.com", "short", StudioRoles.User), CancellationToken.None);

        result.User.Should().BeNull();
        result.Errors!.ToDictionary().Should().ContainKey("password");
        (await Users.ListAsync(CancellationToken.None)).Should().BeEmpty();
        (await AuditAsync("admin-1")).Should().BeEmpty();
    }

    [Fact]
    public async Task SetBudget_OutOfRangeOrUnknownUser_IsRefused()
    {
        var admin = await CreateAsync("admin@example.com", StudioRoles.Admin);

        (await Users.SetBudgetAsync(admin, admin, -1m, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Invalid);
        (await Users.SetBudgetAsync(admin, "nobody", 5m, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.NotFound);
    }

    private async Task<string> CreateAsync(string email, string role)
    {
        var created = await Users.CreateAsync("bootstrap", new NewUser(email, "Long-enough-pass-1", role), CancellationToken.None);
        return created.User!.Id;
    }

    private async Task<List<Studio.Core.Audit.AuditEntry>> AuditAsync(string actor)
    {
        await using var db = await _core.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Audit.AsNoTracking().Where(a => a.ActorId == actor).ToListAsync();
    }
}

using System.Security.Claims;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Admin;
using Studio.Core.Audit;
using Studio.Core.Budget;
using Studio.Core.Costs;
using Studio.Core.Persistence;
using Studio.Core.Providers;

namespace Studio.Tests.Components;

/// <summary>
/// The component test base with what the admin pages add: Identity's user store, the audit log, the admin services, an
/// empty provider health board, and a signed-in user who is an admin (a test can take the role away).
/// </summary>
public abstract class AdminComponentTest : StudioComponentTest
{
    protected const string AdminId = "admin-1";

    protected BunitAuthorizationContext Auth { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Core.Admin.RoleSeed.AddRolesAsync(Services);
    }

    protected override StudioServicesBuilder Configure(StudioServicesBuilder builder)
    {
        Auth = AddAuthorization();
        Auth.SetAuthorized("admin@studio.test");
        Auth.SetRoles(StudioRoles.Admin);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, AdminId));

        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContext());
        Services.AddIdentityCore<StudioUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StudioDbContext>()
            .AddUserManager<StudioUserManager>();
        Services.AddStudioAccounts();
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<UserBudgets>();
        Services.AddSingleton<CostReports>();
        Services.AddSingleton<GenerationTimes>();
        Services.AddSingleton<IProviderHealth, NoCallsHealth>();
        Services.AddStudioAdmin();
        return builder;
    }

    /// <summary>Adds an account straight to the user store (no role), so jobs can name an owner with an e-mail.</summary>
    protected async Task<string> AddUserAsync(string email, string? id = null)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var user = new StudioUser { Id = id ?? Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), CreatedAt = DateTimeOffset.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private sealed class NoCallsHealth : IProviderHealth
    {
        public ProviderHealth Read(string provider) => new(provider, "none", 0, 0, null, null, null);
    }
}

using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Studio.Core.Accounts;
using Studio.Core.Assets;
using Studio.Core.Audit;
using Studio.Core.Budget;
using Studio.Core.Costs;
using Studio.Core.Drafts;
using Studio.Core.Jobs;
using Studio.Core.Notifications;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Core.Persistence;

/// <summary>
/// Studio's database: users (Identity), templates, jobs, segments, assets and API tokens. This type is the SQLite one
/// (its migrations are Persistence/Migrations); PostgreSQL uses the <see cref="PostgreSql.PostgreSqlStudioDbContext"/>
/// subclass, the same model with its own migrations.
/// </summary>
public class StudioDbContext : IdentityDbContext<StudioUser>
{
    /// <summary>A context over <paramref name="options"/>.</summary>
    public StudioDbContext(DbContextOptions<StudioDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's subclass (its own migrations set).</summary>
    protected StudioDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Video templates.</summary>
    public DbSet<VideoTemplate> Templates => Set<VideoTemplate>();

    /// <summary>Production jobs.</summary>
    public DbSet<ProductionJob> Jobs => Set<ProductionJob>();

    /// <summary>Segments of all jobs.</summary>
    public DbSet<Segment> Segments => Set<Segment>();

    /// <summary>Every clip made for a segment.</summary>
    public DbSet<SegmentTake> Takes => Set<SegmentTake>();

    /// <summary>Uploaded assets.</summary>
    public DbSet<Asset> Assets => Set<Asset>();

    /// <summary>Personal API tokens (hashed).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>The spending ledger.</summary>
    public DbSet<CostEntry> Costs => Set<CostEntry>();

    /// <summary>The audit trail.</summary>
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <summary>Monthly budgets an admin set for single users.</summary>
    public DbSet<UserBudget> Budgets => Set<UserBudget>();

    /// <summary>Prices of paid clips admitted and not yet charged (see <see cref="BudgetGuard"/>).</summary>
    public DbSet<ClipReservation> ClipReservations => Set<ClipReservation>();

    /// <summary>Each user's unfinished new video wizard.</summary>
    public DbSet<WizardDraft> WizardDrafts => Set<WizardDraft>();

    /// <summary>Job outcomes told to their owners (the bell).</summary>
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>The notification outbox: e-mails and webhooks to send, with their attempts.</summary>
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();

    /// <summary>Users' notification choices (e-mail, webhook).</summary>
    public DbSet<NotificationPreferences> NotificationPreferences => Set<NotificationPreferences>();

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        JobOutcomeNotices.Record(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // A job reaching Completed or Failed gets its owner's notification in the same save (never lost, never twice).
        JobOutcomeNotices.Record(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset columns; stored as sortable 64-bit numbers instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StudioDbContext).Assembly);
    }
}

using Studio.Core.Budget;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Studio.Core;
using Studio.Core.Assets;
using Studio.Core.Costs;
using Studio.Core.Events;
using Microsoft.Extensions.Options;
using Studio.Core.Jobs;
using Studio.Core.Media;
using Studio.Core.Scripts;
using Studio.Core.Voice;
using Studio.Providers.Espeak;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.Tests.Builders;

/// <summary>
/// Studio's real Core services, wired as <c>AddStudioCore</c> wires them, over a real SQLite file in a temp folder
/// (migrated, default templates seeded): job service, template catalog, in-process job events, file store.
/// Without workers or assembler, so nothing moves unless a test moves it (see <see cref="JobDriver"/>).
/// The only stand-ins are at the edges: the provider catalog holds <see cref="InertVideoProvider"/> unless
/// told otherwise, and the database factory sits behind a <see cref="GatedDbContextFactory"/> (open by default).
/// </summary>
/// <example>
/// <code>
/// await using var database = await new StudioServicesBuilder().AddToAsync(services);
/// var jobs = provider.GetRequiredService&lt;JobService&gt;();
/// </code>
/// </example>
public sealed class StudioServicesBuilder
{
    private readonly List<IVideoProvider> _providers = [];
    private readonly List<IVoiceEngine> _voices = [];
    private TimeProvider _time = TimeProvider.System;
    private IScriptWriter? _scriptWriter;
    private decimal? _budget;

    /// <summary>Uses this script writer instead of the offline one.</summary>
    public StudioServicesBuilder WithScriptWriter(IScriptWriter writer)
    {
        _scriptWriter = writer;
        return this;
    }

    /// <summary>Adds a voice engine beside espeak.</summary>
    public StudioServicesBuilder WithVoice(IVoiceEngine engine)
    {
        _voices.Add(engine);
        return this;
    }

    /// <summary>Gives every user this monthly budget (null: unlimited, the default here).</summary>
    public StudioServicesBuilder WithMonthlyBudget(decimal? usd)
    {
        _budget = usd;
        return this;
    }

    public StudioServicesBuilder WithTime(TimeProvider time)
    {
        _time = time;
        return this;
    }

    /// <summary>Adds a provider to the catalog (replacing the default inert "local" one).</summary>
    public StudioServicesBuilder WithProvider(IVideoProvider provider)
    {
        _providers.Add(provider);
        return this;
    }

    /// <summary>Creates the database and registers the services into <paramref name="services"/>; dispose the database at the end.</summary>
    public async Task<TestDatabase> AddToAsync(IServiceCollection services)
    {
        var database = await TestDatabase.CreateAsync(_time);
        services.Replace(ServiceDescriptor.Singleton(_time));
        services.AddLogging();

        // Core's messages come from the real French resources, as users get them (Core's own resource location).
        services.AddLocalization();
        services.AddOptions<StudioOptions>().Configure(o => o.DataDirectory = database.Folder);
        services.TryAddSingleton<IHostEnvironment>(new TestHostEnvironment(database.Folder));
        services.AddSingleton<StudioPaths>();

        var gate = new GatedDbContextFactory(database);
        services.AddSingleton(gate);
        services.AddSingleton<IDbContextFactory<StudioDbContext>>(gate);
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<TemplateSeeder>();
        services.AddSingleton<TemplateCatalog>();

        services.AddSingleton<IFileStore, FileSystemFileStore>();
        services.TryAddSingleton<IFileLinks, NoFileLinks>();
        services.AddSingleton<InProcessJobEvents>();
        services.AddSingleton<IJobEvents>(sp => sp.GetRequiredService<InProcessJobEvents>());
        foreach (var provider in _providers.Count > 0 ? _providers : [new InertVideoProvider()])
        {
            services.AddSingleton(provider);
        }

        services.AddSingleton<VideoProviderCatalog>();
        services.AddSingleton<JobQueueSignal>();
        services.AddSingleton<IMediaEngine>(new FfmpegCoreMediaEngine(Options.Create(new MediaOptions())));
        services.AddSingleton<IScriptWriter>(_scriptWriter ?? new OfflineScriptWriter());
        services.AddOptions<EspeakOptions>();
        services.AddSingleton<IVoiceEngine, EspeakVoiceEngine>();
        foreach (var engine in _voices)
        {
            services.AddSingleton(engine);
        }

        services.AddSingleton<VoiceCatalog>();
        services.AddOptions<AssetLinkOptions>();
        services.AddSingleton<AssetLinks>();
        services.AddOptions<CostOptions>();
        services.AddSingleton<CostModel>();
        services.AddOptions<BudgetOptions>().Configure(o => o.MonthlyUsdPerUser = _budget);
        services.AddSingleton<BudgetGuard>();
        services.AddSingleton<CutSettingsReader>();
        services.AddSingleton<JobStatusWords>();
        services.AddSingleton<JobService>();
        services.AddSingleton<DatabaseWriteGate>();
        services.AddSingleton<IDatabaseConcurrency, SqliteConcurrency>();
        services.AddSingleton<Studio.Core.Analytics.IAnalyticsSql, Studio.Core.Analytics.SqliteAnalyticsSql>();
        services.AddSingleton<JobControl>();
        services.AddSingleton<JobDriver>();
        return database;
    }
}

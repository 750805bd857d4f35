using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Polly;
using Studio.Core.Accounts;
using Studio.Core.Admin;
using Studio.Core.Assembly;
using Studio.Core.Assets;
using Studio.Core.Audit;
using Studio.Core.Budget;
using Studio.Core.Costs;
using Studio.Core.Drafts;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Media;
using Studio.Core.Notifications;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Redis;
using Studio.Core.Scripts;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Core.Voice;

namespace Studio.Core;

/// <summary>Registers Studio.Core's services.</summary>
public static class CoreServiceExtensions
{
    /// <summary>Adds the domain, storage, orchestration and media services, with their options validated at start.</summary>
    public static IHostApplicationBuilder AddStudioCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StudioOptions>().BindConfiguration(StudioOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        // Messages for users are made in the caller's UI culture; the French sits in Studio.Core/Resources (see AssemblyInfo.cs).
        services.AddLocalization();
        services.AddSingleton<StudioPaths>();

        // The database seam: SQLite under the data folder by default, or PostgreSQL (Studio:Database).
        builder.AddStudioDatabase();
        services.AddSingleton<TemplateSeeder>();
        // The user store and its rules; the web host adds cookies and sign-in on top.
        services.AddIdentityCore<StudioUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<StudioIdentityErrors>()
            .AddEntityFrameworkStores<StudioDbContext>()
            .AddUserManager<StudioUserManager>();
        services.AddStudioAccounts();
        services.AddScoped<AccountBootstrapper>();
        services.AddSingleton<ApiTokenAuthenticator>();

        services.AddStudioStorage();
        services.AddOptions<AssetLinkOptions>().BindConfiguration(AssetLinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AssetLinks>();
        services.TryAddSingleton<IGenerationInputs, GenerationInputs>();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UploadInspector>();
        services.AddSingleton<AssetLibrary>();
        services.AddSingleton<AssetThumbnails>();
        services.AddOptions<CostOptions>().BindConfiguration(CostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CostModel>();
        services.AddSingleton<CostReports>();
        services.AddSingleton<Analytics.DashboardQueries>();
        services.AddSingleton<Analytics.AnalyticsQueries>();
        services.AddStudioBudget();
        services.AddStudioAdmin();
        services.AddSingleton<GenerationTimes>();
        services.AddSingleton<ScratchSweeper>();
        services.AddSingleton<IJobEvents, InProcessJobEvents>();
        // With Studio:Redis:Connection set, events and sign-in failure counts are shared through Redis instead.
        services.AddStudioRedis(builder.Configuration);
        services.AddSingleton<IMediaEngine, FfmpegCoreMediaEngine>();
        services.AddSingleton<IVideoAssembler, FfmpegVideoAssembler>();
        services.AddSingleton<NarrationVoicer>();
        services.AddSingleton<FinalCut>();
        services.AddOptions<AssemblyOptions>().BindConfiguration(AssemblyOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // The offline script writer is the default; AddStudioProviders replaces it when a chat model is configured.
        services.AddOptions<ScriptWriterOptions>().BindConfiguration(ScriptWriterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IScriptWriter, OfflineScriptWriter>();
        services.AddSingleton<VoiceCatalog>();
        services.AddSingleton<CutSettingsReader>();

        services.AddSingleton<VideoProviderCatalog>();
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<TemplateEditor>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ResourceOwners>();
        services.AddSingleton<JobStatusWords>();
        services.AddSingleton<JobService>();
        services.AddSingleton<WizardDraftStore>();

        services.AddSingleton<JobControl>();
        services.AddStudioNotifications();

        services.AddSingleton<JobQueueSignal>();
        services.AddSingleton<WorkQueue>();
        services.AddSingleton<JobSettler>();
        services.AddSingleton<SegmentStep>();
        services.AddSingleton<AssemblyRunner>();
        services.AddSingleton<WorkerLoop>();
        services.AddResiliencePipeline(ResiliencePipelines.ProviderRead, pipeline => pipeline.AddTimeout(TimeSpan.FromMinutes(5)));
        return builder;
    }
}

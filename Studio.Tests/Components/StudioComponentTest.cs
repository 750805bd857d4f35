using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Templates;

namespace Studio.Tests.Components;

/// <summary>
/// A bUnit context with MudBlazor, an interactive server renderer, a signed-in user and Studio's real Core
/// services over a real SQLite file (see <see cref="StudioServicesBuilder"/>).
/// </summary>
public abstract class StudioComponentTest : BunitContext, IAsyncLifetime
{
    protected const string UserId = "user-1";
    protected const string OtherUserId = "user-2";

    private TestDatabase? _database;

    protected JobService Jobs => Services.GetRequiredService<JobService>();

    protected JobDriver Driver => Services.GetRequiredService<JobDriver>();

    protected InProcessJobEvents Events => Services.GetRequiredService<InProcessJobEvents>();

    protected GatedDbContextFactory Database => Services.GetRequiredService<GatedDbContextFactory>();

    public virtual async Task InitializeAsync()
    {
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        var auth = AddAuthorization();
        auth.SetAuthorized("user@studio.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        _database = await Configure(new StudioServicesBuilder()).AddToAsync(Services);

        // Both reach into the renderer, which freezes the service collection: services first.
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        // bUnit waits 1 s by default; a 2-core CI machine running FFmpeg-heavy tests beside these needs more patience.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>Lets a test class add what its pages need (e.g. its own providers) before the services are built.</summary>
    protected virtual StudioServicesBuilder Configure(StudioServicesBuilder builder) => builder;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Creates a Draft job from the Reels template through the real job service.</summary>
    protected async Task<JobDetails> CreateJobAsync(string theme = "Three habits of fast remote teams", string? title = null, string owner = UserId)
    {
        var result = await Jobs.CreateAsync(owner, new CreateJobCommand(title, theme, DefaultTemplates.Reels30), CancellationToken.None);
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors?.ToDictionary().SelectMany(e => e.Value) ?? []));
        return result.Job!;
    }

    /// <summary>Reads a job back through the real job service.</summary>
    protected async Task<JobDetails> ReadJobAsync(Guid id) =>
        (await Jobs.GetAsync(UserId, id, CancellationToken.None))!;
}

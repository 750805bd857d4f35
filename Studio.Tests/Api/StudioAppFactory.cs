using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Assets;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.Tests.Api;

/// <summary>
/// The real app, hosted in process on a real SQLite file and data folder in a temp directory, with real FFmpeg
/// and the real generation worker. The bootstrap admin has a known password and API token. A derived fixture passes
/// settings of its own (API keys, a public address) and may replace services (the clock).
/// </summary>
public class StudioAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@studio.test";
    public const string AdminPassword = "Admin-Pass-1234!";
    public const string AdminToken = "studio_test_admin_token_0123456789abcdef";

    /// <summary>A one-segment, 2 s square template, for tests that start jobs without caring about the video.</summary>
    public const string TinyTemplate = "API Test Tiny";

    private readonly TempFolder _data = new();
    private readonly SemaphoreSlim _tinyGate = new(1, 1);
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private bool _tinyAdded;

    public StudioAppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A host with <paramref name="settings"/> on top of the test defaults.</summary>
    protected StudioAppFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
    }

    public string DataDirectory => _data.Path;

    public HttpClient CreateApiClient(string token = AdminToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a second, ordinary user with an API token and returns the token.</summary>
    public async Task<string> CreateUserWithTokenAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var user = new StudioUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, "Another-Pass-1234!")).Succeeded.Should().BeTrue();
        await users.AddToRoleAsync(user, StudioRoles.User);
        var token = ApiTokenHasher.Generate();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        db.ApiTokens.Add(new ApiToken(Guid.NewGuid(), user.Id, "test", ApiTokenHasher.Hash(token), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>Creates an ordinary user with an API token: their id and a client signed in as them.</summary>
    public async Task<(string Id, HttpClient Client)> CreateUserAsync(string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@studio.test";
        var token = await CreateUserWithTokenAsync(email);
        return (await UserIdAsync(email), CreateApiClient(token));
    }

    /// <summary>The id of the user with <paramref name="email"/> (e.g. <see cref="AdminEmail"/>).</summary>
    public async Task<string> UserIdAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    /// <summary>Stores <paramref name="content"/> in the file store and an Asset row for it, owned by <paramref name="ownerId"/>.</summary>
    public async Task<Guid> AddAssetAsync(string ownerId, AssetKind kind, byte[] content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = Guid.NewGuid();
        var key = FileKeys.Asset(id);
        await Services.GetRequiredService<IFileStore>().PutAsync(key, new MemoryStream(content), CancellationToken.None);
        await using var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        db.Assets.Add(new Asset(id, ownerId, kind, $"upload.{kind.ToString().ToLowerInvariant()}", key, contentType, content.Length, new string('0', 64), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return id;
    }

    public async Task EnsureTinyTemplateAsync()
    {
        await _tinyGate.WaitAsync();
        try
        {
            if (!_tinyAdded)
            {
                await using var scope = Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
                db.Templates.Add(new VideoTemplate(
                    Guid.NewGuid(), TinyTemplate, "Tests", AspectRatio.Square1x1, 1, 2, "local", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
                _tinyAdded = true;
            }
        }
        finally
        {
            _tinyGate.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Studio:DataDirectory", _data.Path);
        builder.UseSetting("Studio:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Studio:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Studio:Bootstrap:ApiToken", AdminToken);
        builder.UseSetting("Studio:Workers:IdlePoll", "00:00:00.200");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Tests share users across many requests and jobs: limits and budget are out of the way unless a fixture sets them.
        builder.UseSetting("Studio:RateLimits:ApiPerMinute", "1000000");
        builder.UseSetting("Studio:RateLimits:StartsPerMinute", "1000000");
        builder.UseSetting("Studio:Budget:MonthlyUsdPerUser", "");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>Replaces services after the app registered its own (a derived fixture's clock, say). Default: none.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _tinyGate.Dispose();
            SqliteConnection.ClearAllPools();
            _data.Dispose();
        }
    }
}

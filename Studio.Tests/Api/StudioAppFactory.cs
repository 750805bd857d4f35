using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Api;

/// <summary>
/// The real app, hosted in process on a real SQLite file and data folder in a temp directory, with real FFmpeg
/// and the real generation worker. The bootstrap admin has a known password and API token.
/// </summary>
public sealed class StudioAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@studio.test";
    public const string AdminPassword = "Admin-Pass-1234!";
    public const string AdminToken = "studio_test_admin_token_0123456789abcdef";

    /// <summary>A one-segment, 2 s square template, for tests that start jobs without caring about the video.</summary>
    public const string TinyTemplate = "API Test Tiny";

    private readonly TempFolder _data = new();
    private readonly SemaphoreSlim _tinyGate = new(1, 1);
    private bool _tinyAdded;

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

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Admin;
using Studio.Core.Jobs;
using Studio.Core.Persistence;

namespace Studio.Tests.Api;

/// <summary>
/// An admin's actions reach the audit API in the caller's language: our link words ("owner", "monthly budget", a
/// role's name) are worded from the entry's stored sentence, while titles, e-mails and ids stay as written; an entry
/// written before details were stored as sentences reads as stored.
/// </summary>
public sealed class AuditDetailsLanguageApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Theory]
    [InlineData("fr-FR", "Utilisateur", "Admin", "propriétaire", "budget mensuel", "retour au budget par défaut", " : ")]
    [InlineData("en-US", "User", "Admin", "owner", "monthly budget", "back to the default budget", ": ")]
    public async Task AdminActions_ReadThroughTheApi_InTheCallersLanguage(
        string acceptLanguage, string user, string admin, string owner, string monthly, string backToDefault, string colon)
    {
        using var api = factory.CreateApiClient();
        var adminId = await factory.UserIdAsync(StudioAppFactory.AdminEmail);
        var email = $"worded-{Guid.NewGuid():N}@studio.test";
        var made = await api.PostAsJsonAsync("/api/users", new { email, password = "A-Strong-Pass-1234!", role = "User" });
        made.StatusCode.Should().Be(HttpStatusCode.Created);
        var userId = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await api.PutAsJsonAsync($"/api/users/{userId}/budget", new { monthlyUsd = 12.5m })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.PutAsJsonAsync($"/api/users/{userId}/budget", new { monthlyUsd = (decimal?)null })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.Services.GetRequiredService<AdminUsers>().SetRoleAsync(adminId, userId, StudioRoles.Admin, CancellationToken.None))
            .Outcome.Should().Be(JobCommandOutcome.Done);
        var (ownerId, owners) = await factory.CreateUserAsync("audit-owner");
        var jobId = await DraftJobAsync(owners, "Brouillon d’été");
        (await factory.Services.GetRequiredService<AdminJobs>().BulkAsync(adminId, BulkJobAction.Delete, [jobId], CancellationToken.None))
            .Items.Should().ContainSingle().Which.Outcome.Should().Be(JobCommandOutcome.Done);

        var entries = await AuditAsync(adminId, acceptLanguage);

        Detail(entries, "user.create", $"user/{userId}").Should().Equal($"{email} ({user})");
        Detail(entries, "budget.set", $"user/{userId}").Should().BeEquivalentTo(backToDefault, monthly);
        Detail(entries, "user.role", $"user/{userId}").Should().Equal($"{email}{colon}{user} → {admin}");
        Detail(entries, "admin.job.delete", $"job/{jobId}").Should().Equal($"Brouillon d’été ({owner} {ownerId})");
    }

    [Fact]
    public async Task AnOldEntryWithoutItsSentence_ReadsAsStored_EvenInFrench()
    {
        using var api = factory.CreateApiClient();
        var adminId = await factory.UserIdAsync(StudioAppFactory.AdminEmail);
        var (_, owners) = await factory.CreateUserAsync("old-audit");
        var jobId = await DraftJobAsync(owners, "Old entry");
        await factory.Services.GetRequiredService<AdminJobs>().BulkAsync(adminId, BulkJobAction.Delete, [jobId], CancellationToken.None);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // An entry written before details were stored as sentences: the English column only.
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            var target = $"job/{jobId}";
            (await db.Database.ExecuteSqlAsync($"UPDATE Audit SET Detail = 'Old entry (owner someone)', DetailText = NULL WHERE Target = {target} AND Action = 'admin.job.delete'"))
                .Should().Be(1);
        }

        var entries = await AuditAsync(adminId, "fr-FR");

        Detail(entries, "admin.job.delete", $"job/{jobId}").Should().Equal("Old entry (owner someone)");
    }

    private static async Task<Guid> DraftJobAsync(HttpClient owner, string title)
    {
        var created = await owner.PostAsJsonAsync("/api/jobs", new { title, theme = "Audit words", template = "Reels 30s Standard", provider = "sim" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<List<JsonElement>> AuditAsync(string actorId, string acceptLanguage)
    {
        using var api = factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/audit?userId={actorId}&pageSize=200");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await api.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static List<string> Detail(List<JsonElement> entries, string action, string target) =>
        [.. entries.Where(e => e.GetProperty("action").GetString() == action && e.GetProperty("target").GetString() == target)
            .Select(e => e.GetProperty("detail").GetString()!)];
}

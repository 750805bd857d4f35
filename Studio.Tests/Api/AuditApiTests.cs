using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Studio.Tests.Api;

/// <summary>The audit trail: who created, started, cancelled, deleted which job and changed which template, with the money involved; for admins only.</summary>
public sealed class AuditApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task Audit_AfterAJobsLife_ShowsEachStepWithWhoAndTheMoney()
    {
        var (userId, client) = await factory.CreateUserAsync("audited");
        var created = await client.PostAsJsonAsync("/api/jobs", new { title = "Audited job", theme = "Audit me", template = "Reels 30s Standard", provider = "sim" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/jobs/{id}/start", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await client.PostAsync($"/api/jobs/{id}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await client.DeleteAsync($"/api/jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var admin = factory.CreateApiClient();

        using var response = await admin.GetAsync($"/api/audit?userId={userId}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var entries = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("action").GetString()).Should().Equal("job.delete", "job.cancel", "job.start", "job.create");
        entries.Should().AllSatisfy(e =>
        {
            e.GetProperty("actorId").GetString().Should().Be(userId);
            e.GetProperty("actorEmail").GetString().Should().StartWith("audited-");
            e.GetProperty("target").GetString().Should().Be($"job/{id}");
            e.GetProperty("detail").GetString().Should().Be("Audited job");
        });
        entries.Single(e => e.GetProperty("action").GetString() == "job.start").GetProperty("costUsd").GetDecimal().Should().Be(0.30m, "the start records what the job is expected to cost");
        response.Headers.GetValues("X-Total-Count").Single().Should().Be("4");
    }

    [Fact]
    public async Task Audit_TemplateChanges_AreRecordedAndFilterableByAction()
    {
        var (userId, client) = await factory.CreateUserAsync("templater");
        var name = $"Audited {Guid.NewGuid():N}"[..20];
        var made = await client.PostAsJsonAsync("/api/templates", new { name, aspectRatio = "9:16", segmentCount = 2, segmentSeconds = 5, defaultProvider = "local" });
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.DeleteAsync($"/api/templates/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var admin = factory.CreateApiClient();

        var deletions = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?userId={userId}&action=template.delete");

        deletions.EnumerateArray().Should().ContainSingle().Which.GetProperty("detail").GetString().Should().Be(name);
    }

    [Fact]
    public async Task Audit_AccountsTokensAndBudgets_AreRecordedWithTheAdminOrUserWhoActed()
    {
        using var admin = factory.CreateApiClient();
        var adminId = await factory.UserIdAsync(StudioAppFactory.AdminEmail);
        var email = $"new-{Guid.NewGuid():N}@studio.test";
        var made = await admin.PostAsJsonAsync("/api/users", new { email, password = "A-Strong-Pass-1234!", role = "User" });
        var userId = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await admin.PutAsJsonAsync($"/api/users/{userId}/budget", new { monthlyUsd = 12.5m })).StatusCode.Should().Be(HttpStatusCode.OK);
        var (ownerId, client) = await factory.CreateUserAsync("tokens");
        var token = await (await client.PostAsJsonAsync("/api/tokens", new { name = "CI script" })).Content.ReadFromJsonAsync<JsonElement>();
        (await client.DeleteAsync($"/api/tokens/{token.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var byAdmin = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?userId={adminId}&pageSize=200")).EnumerateArray().ToList();
        var byOwner = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?userId={ownerId}")).EnumerateArray().ToList();

        byAdmin.Should().Contain(e => e.GetProperty("action").GetString() == "user.create" && e.GetProperty("target").GetString() == $"user/{userId}");
        byAdmin.Should().Contain(e => e.GetProperty("action").GetString() == "budget.set" && e.GetProperty("costUsd").GetDecimal() == 12.5m);
        byOwner.Select(e => e.GetProperty("action").GetString()).Should().Equal("token.revoke", "token.create");
    }

    [Fact]
    public async Task Audit_NonAdmin_Is403()
    {
        var (_, client) = await factory.CreateUserAsync("curious");

        (await client.GetAsync("/api/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Jobs;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Localization;

/// <summary>
/// Core's messages are made in the caller's UI culture, over Core as the app registers it (AddStudioCore) and the real
/// French resources: French for a French caller (also a regional one, fr-CA), English otherwise.
/// </summary>
public sealed class CoreMessagesLanguageTests : IAsyncLifetime
{
    private const string Owner = "user-1";
    private CoreHost _core = null!;

    public async Task InitializeAsync() => _core = await CoreHost.StartAsync();

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Theory]
    [InlineData("fr-FR", "Dites de quoi parle la vidéo.")]
    [InlineData("fr-CA", "Dites de quoi parle la vidéo.")]
    [InlineData("en-US", "Say what the video is about.")]
    [InlineData("de-DE", "Say what the video is about.")]
    public async Task CreateJob_EmptyTheme_SaysSoInTheCallersLanguage(string culture, string expected)
    {
        var result = await CoreLocalizers.InCultureAsync(culture, () => _core.Get<JobService>().CreateAsync(Owner, new CreateJobCommand(null, " ", DefaultTemplates.Reels30), CancellationToken.None));

        result.Errors!.ToDictionary()["theme"].Should().Equal(expected);
    }

    [Fact]
    public async Task CreateJob_ManyBadFields_EveryMessageIsFrenchWithItsValues()
    {
        var command = new CreateJobCommand(null, "Un thème", DefaultTemplates.Reels30, Language: "xx", Transition: "wipe", Prompts: ["un"]);

        var errors = (await CoreLocalizers.InCultureAsync("fr-FR", () => _core.Get<JobService>().CreateAsync(Owner, command, CancellationToken.None))).Errors!.ToDictionary();

        errors["language"].Should().Equal("Langue inconnue « xx » ; utilisez en ou fr.");
        errors["transition"].Should().Equal("Transition inconnue « wipe » ; utilisez cut, crossfade ou fade.");
        errors["prompts"].Should().Equal($"« {DefaultTemplates.Reels30} » compte 6 segments ; 1 prompts ont été donnés.");
    }

    [Fact]
    public async Task CreateJob_UnknownTemplate_EnglishStaysEnglish()
    {
        var result = await CoreLocalizers.InCultureAsync("en", () => _core.Get<JobService>().CreateAsync(Owner, new CreateJobCommand(null, "A theme", "No such"), CancellationToken.None));

        result.Errors!.ToDictionary()["template"].Should().Equal("There is no template named 'No such'.");
    }

    [Fact]
    public async Task StartJob_NotADraft_TheConflictIsFrenchWithTheStatusInFrench()
    {
        var created = await _core.Get<JobService>().CreateAsync(Owner, new CreateJobCommand(null, "Un thème", DefaultTemplates.Reels30), CancellationToken.None);
        (await _core.Get<JobService>().StartWithReasonAsync(Owner, created.Job!.Id, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Done);

        var again = await CoreLocalizers.InCultureAsync("fr-FR", () => _core.Get<JobService>().StartWithReasonAsync(Owner, created.Job!.Id, CancellationToken.None));

        again.Outcome.Should().Be(JobCommandOutcome.Conflict);
        again.Reason.Should().Be("Seule une vidéo en brouillon peut être lancée ; celle-ci est en file d’attente.");
    }

    [Theory]
    [InlineData("fr-FR", "Seule une vidéo en échec ou annulée peut être relancée ; celle-ci est en file d’attente.")]
    [InlineData("en-US", "Only a failed or cancelled job can be retried; this one is queued.")]
    public async Task RetryJob_InProgress_TheConflictIsInTheCallersLanguage(string culture, string expected)
    {
        var created = await _core.Get<JobService>().CreateAsync(Owner, new CreateJobCommand(null, "Un thème", DefaultTemplates.Reels30), CancellationToken.None);
        (await _core.Get<JobService>().StartWithReasonAsync(Owner, created.Job!.Id, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Done);

        var retry = await CoreLocalizers.InCultureAsync(culture, () => _core.Get<JobControl>().RetryAsync(Owner, created.Job!.Id, CancellationToken.None));

        retry.Outcome.Should().Be(JobCommandOutcome.Conflict);
        retry.Reason.Should().Be(expected);
    }

    [Fact]
    public async Task BudgetRefusals_AreInTheCallersLanguage_WithItsNumbers()
    {
        var words = _core.Get<Microsoft.Extensions.Localization.IStringLocalizerFactory>().Create(typeof(Studio.Core.Budget.BudgetRefusal));

        var french = await CoreLocalizers.InCultureAsync("fr-FR", () => Task.FromResult(Studio.Core.Budget.BudgetRefusal.ForNewWork(words, 1.30m, 1m, 0m, 0.5m)));
        var english = await CoreLocalizers.InCultureAsync("en-US", () => Task.FromResult(Studio.Core.Budget.BudgetRefusal.ForStart(words, 1.30m, 1m, 0m, 0.5m)));

        french.Message.Should().StartWith("Budget mensuel dépassé : ce travail est estimé à 0,50 $ ; votre budget est de 1,30 $")
            .And.Contain("il reste donc 0,30 $. Rien n’a été modifié.");
        english.Message.Should().StartWith("Over your monthly budget: this job is estimated at $0.50; your budget is $1.30")
            .And.Contain("leaving $0.30.");
    }

    [Theory]
    [InlineData("fr-FR", "Un modèle compte de 1 à 20 segments.", "Un segment dure de 2 à 20 secondes.")]
    [InlineData("en-GB", "A template has 1 to 20 segments.", "A segment lasts 2 to 20 seconds.")]
    public async Task SaveTemplate_NumbersOutOfRange_SaysSoInTheCallersLanguage(string culture, string count, string seconds)
    {
        var input = new TemplateInput("Nombres", "", "9:16", 0, 1, "local");

        var result = await CoreLocalizers.InCultureAsync(culture, () => _core.Get<TemplateEditor>().CreateAsync(Owner, input, CancellationToken.None));

        result.Outcome.Should().Be(TemplateOutcome.Invalid);
        var errors = result.Errors!.ToDictionary();
        errors["segmentCount"].Should().Equal(count);
        errors["segmentSeconds"].Should().Equal(seconds);
    }

    [Theory]
    [InlineData("fr-FR", "Le mot de passe doit contenir au moins 10 caractères.")]
    [InlineData("en", "Passwords must be at least 10 characters long.")]
    public async Task CreateUser_ShortPassword_IdentitysRuleSpeaksTheCallersLanguage(string culture, string expected)
    {
        await using var scope = _core.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await CoreLocalizers.InCultureAsync(culture, () => users.CreateAsync(new NewUser("court@studio.test", "Ab1!", StudioRoles.User), CancellationToken.None));

        result.User.Should().BeNull();
        result.Errors!.ToDictionary()["password"].Should().Contain(expected);
    }

    [Fact]
    public async Task CreateToken_NoName_IsFrench()
    {
        var result = await CoreLocalizers.InCultureAsync("fr-FR", () => _core.Get<ApiTokenService>().CreateAsync(Owner, "  ", CancellationToken.None));

        result.Errors!.ToDictionary()["name"].Should().Equal("Donnez un nom au jeton, pour le reconnaître plus tard.");
    }

}

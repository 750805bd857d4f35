using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Studio.App.Components.Notifications;
using Studio.Core.Common;

namespace Studio.Tests.Components;

/// <summary>The bell words a failed job's stored reason in the reader's language.</summary>
public sealed class NotificationBellFrenchTests : NotificationComponentTest
{
    [Fact]
    public async Task MyJobFailsWhileRendered_InFrench_TheSnackbarSaysWhyInFrench()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        var bell = Render<NotificationBell>();
        var job = await CreateJobAsync(title: "Lancement");
        bell.WaitForAssertion(() => Events.SubscriptionCount.Should().Be(1));

        await Driver.FailAsync(job.Id, StoredText.Of("Segment {0} could not be made: {1}", 2, StoredText.Of("no reason was given")));

        var snackbars = Services.GetRequiredService<ISnackbar>();
        bell.WaitForAssertion(() => snackbars.ShownSnackbars.Should().ContainSingle().Which.Message
            .Should().EndWith("Le segment 2 n’a pas pu être fait : aucune raison n’a été donnée"));
    }
}

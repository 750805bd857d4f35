using System.Globalization;
using Bunit;
using Studio.App.Components.Pages;
using Studio.Core.Common;

namespace Studio.Tests.Components;

/// <summary>
/// A job's and a segment's failure reasons, stored by the workers as sentences, read in the page's language; a
/// provider's own words and rows older than worded reasons read as stored.
/// </summary>
public sealed class FailureReasonsFrenchTests : StudioComponentTest
{
    [Fact]
    public async Task Render_InFrench_TheJobsAndTheSegmentsReasonsAreFrench_TheProvidersWordsAsWritten()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        var job = await CreateJobAsync();
        var segmentReason = StoredText.Of("{0} is unavailable ({1}).", "Luma", StoredText.Verbatim("HTTP 503 upstream overloaded"));
        await Driver.FailSegmentAsync(job.Id, 0, segmentReason);
        await Driver.FailAsync(job.Id, StoredText.Of("Segment {0} could not be made: {1}", 1, segmentReason));

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=job-failed]").TextContent
            .Should().Contain("Le segment 1 n’a pas pu être fait : Luma est indisponible (HTTP 503 upstream overloaded).")
            .And.NotContain("could not be made"));
        page.Markup.Should().NotContain("is unavailable");
    }

    [Fact]
    public async Task Render_InFrench_AnOldRowsReason_ShowsAsStored()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        var job = await CreateJobAsync();
        await Driver.FailAsync(job.Id, "Segment 2 could not be made: refused");

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=job-failed]").TextContent.Should().Contain("Segment 2 could not be made: refused"));
    }

    [Fact]
    public async Task Render_InEnglish_TheSameStoredReasonIsEnglish()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        var job = await CreateJobAsync();
        await Driver.FailAsync(job.Id, StoredText.Of("Segment {0} could not be made: {1}", 1, StoredText.Of("it was cancelled")));

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=job-failed]").TextContent.Should().Contain("Segment 1 could not be made: it was cancelled"));
    }
}

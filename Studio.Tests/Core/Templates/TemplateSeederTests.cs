using Microsoft.EntityFrameworkCore;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Templates;

public sealed class TemplateSeederTests
{
    [Fact]
    public async Task Seed_AddsTheThreeDefaultsOnceOnly()
    {
        await using var database = await TestDatabase.CreateAsync();

        var again = await new TemplateSeeder(database, TimeProvider.System).SeedAsync(CancellationToken.None);

        again.Should().Be(0);
        await using var db = database.CreateDbContext();
        var templates = await db.Templates.AsNoTracking().ToListAsync();
        templates.Select(t => (t.Name, t.SegmentCount, t.SegmentSeconds, t.AspectRatio)).Should().BeEquivalentTo(
        [
            ("Reels 30s Standard", 6, 5, AspectRatio.Portrait9x16),
            ("Product Demo 45s", 9, 5, AspectRatio.Portrait9x16),
            ("YouTube Short Explainer 60s", 12, 5, AspectRatio.Landscape16x9),
        ]);
        templates.Should().AllSatisfy(t => t.DefaultPrompts.Should().HaveCount(t.SegmentCount));
    }

    [Fact]
    public async Task Seed_TemplateOfTheSameNameExists_LeavesItAsItIs()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            db.Templates.Remove(await db.Templates.SingleAsync(t => t.Name == DefaultTemplates.Reels30));
            await db.SaveChangesAsync();
            db.Templates.Add(new VideoTemplate(Guid.NewGuid(), DefaultTemplates.Reels30, "edited", AspectRatio.Square1x1, 4, 3, "local", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
            db.Templates.Remove(await db.Templates.SingleAsync(t => t.Name == DefaultTemplates.Explainer60));
            await db.SaveChangesAsync();
        }

        var added = await new TemplateSeeder(database, TimeProvider.System).SeedAsync(CancellationToken.None);

        added.Should().Be(1, "only the missing Explainer comes back");
        await using var check = database.CreateDbContext();
        var reels = await check.Templates.SingleAsync(t => t.Name == DefaultTemplates.Reels30);
        reels.Description.Should().Be("edited");
        reels.SegmentCount.Should().Be(4);
    }
}

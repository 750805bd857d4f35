using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Core.Jobs;

namespace Studio.Core.Persistence;

internal sealed class ProductionJobConfiguration : IEntityTypeConfiguration<ProductionJob>
{
    public void Configure(EntityTypeBuilder<ProductionJob> builder)
    {
        builder.ToTable("Jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(j => j.Title).HasMaxLength(ProductionJob.MaxTitleLength).IsRequired();
        builder.Property(j => j.Theme).HasMaxLength(ProductionJob.MaxThemeLength).IsRequired();
        builder.Property(j => j.TemplateName).HasMaxLength(80);
        builder.Property(j => j.StylePrompt).HasMaxLength(500);
        builder.Property(j => j.Provider).HasMaxLength(40);
        builder.Property(j => j.FinalVideoFile).HasMaxLength(300);
        builder.Property(j => j.PosterFile).HasMaxLength(300);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.Property(j => j.LeaseOwner).HasMaxLength(100);
        builder.Property(j => j.FallbackProviders).HasMaxLength(200);
        builder.Ignore(j => j.ProviderChain);
        builder.Property(j => j.Version).IsConcurrencyToken();
        builder.HasIndex(j => new { j.OwnerId, j.CreatedAt });

        // The dashboard and analytics: a status filter in date order, the finished jobs of a period, a title sort.
        builder.HasIndex(j => new { j.OwnerId, j.Status, j.CreatedAt });
        builder.HasIndex(j => new { j.OwnerId, j.FinishedAt });
        builder.HasIndex(j => j.FinishedAt);
        builder.HasIndex(j => new { j.OwnerId, j.Title });
        builder.HasIndex(j => new { j.Status, j.LeaseUntil });
        builder.HasMany(j => j.Segments).WithOne().HasForeignKey(s => s.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(j => j.Segments).HasField("_segments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(j => j.TotalDuration);
        builder.Ignore(j => j.IsFinished);
        builder.Ignore(j => j.Cut);
        builder.Property(j => j.Language).HasMaxLength(8);
        builder.Property(j => j.VoiceEngine).HasMaxLength(20);
        builder.Property(j => j.VoiceName).HasMaxLength(100);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Core.Segments;

namespace Studio.Core.Persistence;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.ToTable("Segments");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.JobId, s.Index }).IsUnique();
        builder.Property(s => s.Prompt).HasMaxLength(Segment.MaxPromptLength).IsRequired();
        builder.Property(s => s.Narration).HasMaxLength(Segment.MaxNarrationLength).IsRequired();
        builder.Property(s => s.Provider).HasMaxLength(40);
        builder.Property(s => s.ProviderJobId).HasMaxLength(200);
        builder.Property(s => s.Error).HasMaxLength(2000);
        builder.Property(s => s.ClipFile).HasMaxLength(300);
        builder.Property(s => s.Detail).HasMaxLength(Segment.MaxDetailLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.LeaseOwner).HasMaxLength(100);
        builder.Ignore(s => s.IsFinished);
        builder.Ignore(s => s.SubmissionReference);

        // The work queue's lookups: due work of active jobs, and generations in flight per provider.
        builder.HasIndex(s => new { s.Status, s.DueAt });
        builder.HasIndex(s => new { s.Provider, s.Status });
        builder.HasMany(s => s.Takes).WithOne().HasForeignKey(t => t.SegmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Takes).HasField("_takes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

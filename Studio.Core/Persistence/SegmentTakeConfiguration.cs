using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Core.Segments;

namespace Studio.Core.Persistence;

internal sealed class SegmentTakeConfiguration : IEntityTypeConfiguration<SegmentTake>
{
    public void Configure(EntityTypeBuilder<SegmentTake> builder)
    {
        builder.ToTable("Takes");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.SegmentId, t.Number }).IsUnique();
        builder.HasIndex(t => t.JobId);
        builder.Property(t => t.Provider).HasMaxLength(40);
        builder.Property(t => t.Prompt).HasMaxLength(Segment.MaxPromptLength);
        builder.Property(t => t.ClipFile).HasMaxLength(300);
    }
}

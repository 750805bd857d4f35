using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Core.Costs;

namespace Studio.Core.Persistence;

internal sealed class CostEntryConfiguration : IEntityTypeConfiguration<CostEntry>
{
    public void Configure(EntityTypeBuilder<CostEntry> builder)
    {
        builder.ToTable("Costs");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Provider).HasMaxLength(40).IsRequired();
        builder.HasIndex(c => c.At);
        builder.HasIndex(c => new { c.OwnerId, c.At });
        builder.HasIndex(c => c.JobId);
    }
}

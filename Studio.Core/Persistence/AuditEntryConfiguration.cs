using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Core.Audit;

namespace Studio.Core.Persistence;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("Audit");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.MaxActionLength).IsRequired();
        builder.Property(e => e.Target).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength).IsRequired();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ActorId, e.At });
    }
}

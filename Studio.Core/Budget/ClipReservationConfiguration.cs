using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Studio.Core.Budget;

internal sealed class ClipReservationConfiguration : IEntityTypeConfiguration<ClipReservation>
{
    public void Configure(EntityTypeBuilder<ClipReservation> builder)
    {
        builder.ToTable("ClipReservations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.OwnerId).HasMaxLength(450);
        builder.HasIndex(r => r.OwnerId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Core.Assets;

namespace Studio.Core.Persistence;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.ToTable("Assets");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.OriginalFileName).HasMaxLength(255);
        builder.Property(a => a.StoredFile).HasMaxLength(300);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasIndex(a => new { a.OwnerId, a.CreatedAt });
    }
}

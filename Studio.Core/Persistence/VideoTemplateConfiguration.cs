using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Core.Templates;

namespace Studio.Core.Persistence;

internal sealed class VideoTemplateConfiguration : IEntityTypeConfiguration<VideoTemplate>
{
    public void Configure(EntityTypeBuilder<VideoTemplate> builder)
    {
        builder.ToTable("Templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(VideoTemplate.MaxNameLength).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique().HasFilter("\"IsArchived\" = 0");
        builder.Property(t => t.OwnerId).HasMaxLength(450);
        builder.Property(t => t.Description).HasMaxLength(1000);
        builder.Property(t => t.DefaultProvider).HasMaxLength(40);
        builder.Property(t => t.StylePrompt).HasMaxLength(500);
        builder.PrimitiveCollection<List<string>>("_defaultPrompts").HasColumnName("DefaultPrompts");
        builder.Ignore(t => t.DefaultPrompts);
        builder.Ignore(t => t.TotalDuration);
        builder.Ignore(t => t.CaptionStyle);
        builder.Property(t => t.Language).HasMaxLength(8);
    }
}

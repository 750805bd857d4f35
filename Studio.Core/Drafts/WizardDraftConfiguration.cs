using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Studio.Core.Drafts;

internal sealed class WizardDraftConfiguration : IEntityTypeConfiguration<WizardDraft>
{
    public void Configure(EntityTypeBuilder<WizardDraft> builder)
    {
        builder.ToTable("WizardDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(d => d.Content).HasMaxLength(WizardDraft.MaxContentLength).IsRequired();
        builder.HasIndex(d => d.OwnerId).IsUnique();
    }
}

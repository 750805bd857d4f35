using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Core.Accounts;

namespace Studio.Core.Budget;

internal sealed class UserBudgetConfiguration : IEntityTypeConfiguration<UserBudget>
{
    public void Configure(EntityTypeBuilder<UserBudget> builder)
    {
        builder.ToTable("Budgets");
        builder.HasKey(b => b.UserId);
        builder.Property(b => b.UserId).HasMaxLength(450);

        // A deleted user takes their budget along.
        builder.HasOne<StudioUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

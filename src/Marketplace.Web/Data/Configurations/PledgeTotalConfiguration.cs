using Marketplace.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PledgeTotalConfiguration : IEntityTypeConfiguration<PledgeTotal>
{
    public void Configure(EntityTypeBuilder<PledgeTotal> builder)
    {
        builder.ToTable("pledge_totals");
        builder.HasKey(t => t.Year);
        builder.Property(t => t.Year).ValueGeneratedNever();
        builder.Property(t => t.Disbursed).HasColumnType("numeric(18,2)");
        builder.Property(t => t.ApprovedNotDisbursed).HasColumnType("numeric(18,2)");
    }
}

using Marketplace.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PledgeTotalConfiguration : IEntityTypeConfiguration<PledgeTotal>
{
    public void Configure(EntityTypeBuilder<PledgeTotal> builder)
    {
        builder.ToTable("pledge_totals");
        builder.HasKey(t => new { t.Year, t.Month, t.BankOrganizationId, t.Source, t.Evidence });
        builder.Property(t => t.Year).ValueGeneratedNever();
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Evidence).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Disbursed).HasColumnType("numeric(18,2)");
        builder.Property(t => t.ApprovedNotDisbursed).HasColumnType("numeric(18,2)");
    }
}

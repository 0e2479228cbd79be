using Marketplace.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class TargetPlanConfiguration : IEntityTypeConfiguration<TargetPlan>
{
    public void Configure(EntityTypeBuilder<TargetPlan> builder)
    {
        builder.ToTable("target_plans");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.From).HasColumnName("starts_on");
        builder.Property(p => p.To).HasColumnName("ends_on");
        builder.ComplexProperty(p => p.Targets, t =>
        {
            t.Property(x => x.Deals).HasPrecision(18, 2);
            t.Property(x => x.PledgeFinancing).HasPrecision(18, 2);
            t.Property(x => x.SessionsPerYear);
        });
        builder.HasIndex(p => p.From);
        builder.Property(p => p.Version).IsRowVersion();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Pledges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class BankPolicyConfiguration : IEntityTypeConfiguration<BankPolicy>
{
    public void Configure(EntityTypeBuilder<BankPolicy> builder)
    {
        builder.ToTable("bank_pledge_policies");
        builder.HasKey(p => p.BankOrganizationId);
        builder.Property(p => p.BankOrganizationId).ValueGeneratedNever();
        builder.ComplexProperty(p => p.Policy, policy =>
        {
            policy.Property(x => x.InventionCapPercent).HasColumnType("numeric(7,4)");
            policy.Property(x => x.UtilityModelCapPercent).HasColumnType("numeric(7,4)");
            policy.Property(x => x.DesignCapPercent).HasColumnType("numeric(7,4)");
        });
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.BankOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Version).IsRowVersion();
    }
}

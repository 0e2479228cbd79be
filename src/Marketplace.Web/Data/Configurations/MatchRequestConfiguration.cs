using System.Text.Json;
using Marketplace.Web.Features.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class MatchRequestConfiguration : IEntityTypeConfiguration<MatchRequest>
{
    public void Configure(EntityTypeBuilder<MatchRequest> builder)
    {
        builder.ToTable("match_requests");
        builder.Property(r => r.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(r => r.RequestedAt);
    }
}

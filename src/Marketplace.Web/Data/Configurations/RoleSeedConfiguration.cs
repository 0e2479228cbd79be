using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

/// <summary>The roles exist from the migrations on, with fixed ids so the migrations are stable.</summary>
internal sealed class RoleSeedConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(Roles.All.Select((name, i) => new IdentityRole<Guid>
        {
            Id = new Guid($"00000000-0000-0000-0000-{i + 1:D12}"),
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = name,
        }));
}

using Marketplace.Domain.Patents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class PatentWatchConfiguration : IEntityTypeConfiguration<PatentWatch>
{
    public void Configure(EntityTypeBuilder<PatentWatch> builder)
    {
        builder.ToTable("patent_watches");
        builder.HasKey(w => w.PatentId);
        builder.Property(w => w.PatentId).ValueGeneratedNever();
        builder.Property(w => w.Reminders).HasConversion<int>();
        builder.Property(w => w.Version).IsRowVersion();
    }
}

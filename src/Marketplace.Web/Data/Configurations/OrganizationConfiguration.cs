using Marketplace.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.NameZh).HasMaxLength(200);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.CreditCode).HasMaxLength(18).IsFixedLength();
        builder.HasIndex(o => o.CreditCode).IsUnique();
        builder.HasIndex(o => new { o.IsVerified, o.RegisteredAt });
        builder.ComplexProperty(o => o.Contact, contact =>
        {
            contact.Property(c => c.Name).HasColumnName("contact_name").HasMaxLength(100);
            contact.Property(c => c.Phone).HasColumnName("contact_phone").HasMaxLength(30);
            contact.Property(c => c.Email).HasColumnName("contact_email").HasMaxLength(254);
        });
        builder.Property(o => o.Version).IsRowVersion();
        builder.Ignore(o => o.State);
    }
}

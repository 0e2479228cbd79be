using Marketplace.Domain.Evidence;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Web.Data.Configurations;

/// <summary>A counted record's evidence as columns of its own table (evidence_state, evidence_verified_by, …), so the
/// records page filters by it in SQL.</summary>
internal static class EvidenceColumns
{
    public static void Map(ComplexPropertyBuilder<EvidenceStatus> evidence)
    {
        evidence.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        evidence.Property(e => e.VerifiedByUserId);
        evidence.Property(e => e.VerifiedBy).HasMaxLength(200);
        evidence.Property(e => e.VerifiedAt);
    }
}

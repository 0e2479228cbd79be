using Marketplace.Domain.Evidence;

namespace Marketplace.Domain.Targets;

/// <summary>Where a counted record comes from; the dashboard shows the off-platform ones in their own breakdown.</summary>
public enum RecordSource
{
    /// <summary>Made on the marketplace: a negotiation room, a session, a pledge application.</summary>
    Platform,
    /// <summary>A deal made elsewhere, entered by the park office one by one.</summary>
    EnteredByParkOffice,
    /// <summary>A technology-contract registration imported by the park office from the registry's export.</summary>
    ImportedRegistry,
    /// <summary>A pledge registration a bank arranged in its own systems and imported.</summary>
    ImportedByBank,
}

/// <summary>An amount split by the evidence state of the records that make it.</summary>
public readonly record struct EvidenceSplit(decimal Declared, decimal Documented, decimal Verified)
{
    public decimal Total => Declared + Documented + Verified;

    public decimal this[EvidenceState state] => state switch
    {
        EvidenceState.Verified => Verified,
        EvidenceState.Documented => Documented,
        _ => Declared,
    };

    public EvidenceSplit Negated() => new(-Declared, -Documented, -Verified);

    public static EvidenceSplit Of(IEnumerable<(EvidenceState State, decimal Amount)> parts)
    {
        var (declared, documented, verified) = (0m, 0m, 0m);
        foreach (var (state, amount) in parts)
        {
            if (state == EvidenceState.Verified) verified += amount;
            else if (state == EvidenceState.Documented) documented += amount;
            else declared += amount;
        }
        return new(declared, documented, verified);
    }
}

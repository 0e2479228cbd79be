namespace Marketplace.Domain.Listings;

/// <summary>The licence kinds of Chinese practice (SPC interpretation on patent disputes, art. 25).</summary>
public enum LicenceKind
{
    /// <summary>独占许可: only the licensee may work the patent, not even the patentee.</summary>
    Exclusive,

    /// <summary>排他许可: the licensee and the patentee may work it, nobody else.</summary>
    Sole,

    /// <summary>普通许可: the patentee may license others too.</summary>
    NonExclusive,
}

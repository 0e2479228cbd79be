namespace Marketplace.Domain.Patents;

/// <summary>The legal status as entered from CNIPA's register; the platform does not infer it.</summary>
public enum LegalStatus
{
    /// <summary>Filed, not (yet) granted.</summary>
    Pending,

    /// <summary>Granted and in force, as far as the register says.</summary>
    Valid,

    /// <summary>Ended early or refused: unpaid annual fees, withdrawal, invalidation, rejection… (see the lapse reason).</summary>
    Lapsed,
}

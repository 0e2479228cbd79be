namespace Marketplace.Domain.Patents;

/// <summary>
/// What a patent's record lacks because its source did not have it (a database export without abstracts, a list
/// with only the filing year): declared, so such a patent can be registered and completed later, instead of the
/// gap being filled with invented data. Entry by hand declares none, so every field is required there.
/// </summary>
[Flags]
public enum RecordGaps
{
    None = 0,

    /// <summary>No abstract yet: the patent is registered, but it cannot be listed until the abstract is filled in.</summary>
    Abstract = 1,

    /// <summary>No inventors named by the source.</summary>
    Inventors = 2,

    /// <summary>No IPC codes (invention, utility model) or Locarno class (design) in the source.</summary>
    Classification = 4,

    /// <summary>Only the filing year is known: the filing date is 1 January of that year, so the term shown ends
    /// no later than the real one.</summary>
    FilingDay = 8,

    /// <summary>Granted, as the register's status says, but the source gives no grant date.</summary>
    GrantDate = 16,
}

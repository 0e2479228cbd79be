namespace Marketplace.Domain.Patents;

/// <summary>
/// Events the patent register records in a patent's history that matter beyond its status: whether it was ever
/// licensed, transferred or pledged (then it is not "sleeping"), preserved by a court, re-examined, challenged or
/// litigated. Read from an export's legal-status column; kept as facts of the patent, never lost in the status.
/// </summary>
[Flags]
public enum LegalEvents
{
    None = 0,

    /// <summary>许可: a licence contract recorded at CNIPA.</summary>
    Licence = 1,

    /// <summary>权利转移: the application or the patent changed hands (an equity contribution is recorded as one too).</summary>
    Transfer = 2,

    /// <summary>质押: a pledge contract registered; the patent has served as security.</summary>
    Pledge = 4,

    /// <summary>保全: a court froze the patent (property preservation).</summary>
    Preservation = 8,

    /// <summary>复审: a rejection went to re-examination.</summary>
    Reexamination = 16,

    /// <summary>无效程序: someone asked the board to invalidate it.</summary>
    Invalidation = 32,

    /// <summary>诉讼: litigation over the patent.</summary>
    Litigation = 64,

    /// <summary>一案双申: filed as an invention and a utility model on the same day.</summary>
    DualFiling = 128,
}

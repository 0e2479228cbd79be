namespace Marketplace.Domain.Evidence;

/// <summary>
/// How far a counted record is backed: on the parties' word only, by a document checked by its content and kept with
/// its SHA-256, or by the park office having looked at the documents and confirmed the record (who and when kept).
/// </summary>
public enum EvidenceState { Declared, Documented, Verified }

/// <summary>The documents a counted record can carry.</summary>
public enum DocumentKind
{
    /// <summary>The signed technology contract (技术合同).</summary>
    ContractPdf,
    /// <summary>CNIPA's notice of a licence-contract record or of the transfer registration (备案/登记通知书).</summary>
    CnipaRecordNotice,
    /// <summary>CNIPA's pledge registration certificate (专利权质押登记通知书).</summary>
    PledgeCertificate,
    /// <summary>A bank statement line or voucher showing the money moved (银行流水/放款凭证).</summary>
    BankStatementLine,
    /// <summary>A session's signed attendance sheet or photographs (签到表).</summary>
    AttendanceSheet,
}

/// <summary>The kinds of counted records that carry evidence.</summary>
public enum RecordKind { Deal, Payment, Tranche, Session, ImportedPledge, ImportedContract }

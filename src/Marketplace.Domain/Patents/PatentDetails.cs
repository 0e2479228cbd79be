using Marketplace.Domain.Common;
using AppNumber = Marketplace.Domain.Patents.ApplicationNumber;
using PubNumber = Marketplace.Domain.Patents.PublicationNumber;

namespace Marketplace.Domain.Patents;

/// <summary>
/// Everything an owner enters about a patent, as received. <see cref="Validated"/> checks it field by field
/// (each refusal names the JSON field) and returns the normalized copy the aggregate stores. Inventions and utility
/// models are classified by IPC, designs by Locarno. <see cref="RecordedEvents"/> are the register's history
/// (licensed, transferred, pledged …); <see cref="Gaps"/> declares what the source record lacks (an import from an
/// export without abstracts), and only a declared gap may be left empty.
/// </summary>
public sealed record PatentDetails(
    string ApplicationNumber, PatentType Type, string? PublicationNumber,
    string TitleZh, string? TitleEn, string AbstractZh, string? AbstractEn,
    IReadOnlyList<string> IpcCodes, string? MainIpc, IReadOnlyList<string> Inventors, IReadOnlyList<PatentOwner> Owners,
    DateOnly FilingDate, DateOnly? GrantDate, LegalStatus LegalStatus, string? LapseReason, DateOnly? FeesPaidThrough,
    string? LocarnoClass = null, LegalEvents RecordedEvents = LegalEvents.None, RecordGaps Gaps = RecordGaps.None)
{
    /// <summary>The Patent Law took effect on 1 April 1985; nothing was filed before.</summary>
    public static readonly DateOnly FirstFilingDate = new(1985, 4, 1);

    public const int MaxIpcCodes = 20, MaxInventors = 50;

    /// <summary>Every field is checked, and every refusal reported at once (<see cref="RuleChecks"/>).</summary>
    internal PatentDetails Validated(DateOnly today)
    {
        var checks = new RuleChecks();
        var gaps = Gaps & (RecordGaps.Abstract | RecordGaps.Inventors | RecordGaps.Classification | RecordGaps.FilingDay | RecordGaps.GrantDate);
        var number = checks.Value(() => AppNumber.Parse(ApplicationNumber));
        checks.Run(() => ValidateType(number));
        checks.Try(ValidatedPublication, out var publication);
        checks.Try(() => ValidatedClassification(gaps.HasFlag(RecordGaps.Classification)), out var classification);
        checks.Run(() => ValidateFilingDate(number, today));
        checks.Run(() => ValidateGrantDate(today));
        checks.Try(() => ValidatedLapseReason(gaps.HasFlag(RecordGaps.GrantDate)), out var lapseReason);
        checks.Run(() =>
        {
            if (FeesPaidThrough < FilingDate || (Enum.IsDefined(Type) && FeesPaidThrough > PatentTerm.End(Type, FilingDate)))
                throw new DomainRuleException("feesPaidThrough", "Annual fees are paid for dates between the filing date and the end of the term.");
        });
        checks.Try(() => TextRules.Required(TitleZh, "titleZh", "Chinese title", 200), out var titleZh);
        checks.Try(() => TextRules.Optional(TitleEn, "titleEn", "English title", 300), out var titleEn);
        checks.Try(() => gaps.HasFlag(RecordGaps.Abstract)
            ? TextRules.Optional(AbstractZh, "abstractZh", "Chinese abstract", 5000, multiline: true) ?? ""
            : TextRules.Required(AbstractZh, "abstractZh", "Chinese abstract", 5000, multiline: true), out var abstractZh);
        checks.Try(() => TextRules.Optional(AbstractEn, "abstractEn", "English abstract", 8000, multiline: true), out var abstractEn);
        checks.Try(() => ValidatedInventors(gaps.HasFlag(RecordGaps.Inventors)), out var inventors);
        checks.Try(ValidatedOwners, out var owners);
        checks.ThrowIfAny();

        // A gap that the record does fill is no gap.
        if (abstractZh.Length > 0) gaps &= ~RecordGaps.Abstract;
        if (inventors.Count > 0) gaps &= ~RecordGaps.Inventors;
        if (classification.Codes.Count > 0 || classification.Locarno is not null) gaps &= ~RecordGaps.Classification;
        if (GrantDate is not null || LegalStatus == LegalStatus.Pending) gaps &= ~RecordGaps.GrantDate;
        return new PatentDetails(
            number!.Value.Value, Type, publication, titleZh, titleEn, abstractZh, abstractEn,
            classification.Codes, classification.Main, inventors, owners, FilingDate, GrantDate, LegalStatus, lapseReason, FeesPaidThrough,
            classification.Locarno, RecordedEvents & AllEvents, gaps);
    }

    private const LegalEvents AllEvents = LegalEvents.Licence | LegalEvents.Transfer | LegalEvents.Pledge | LegalEvents.Preservation
        | LegalEvents.Reexamination | LegalEvents.Invalidation | LegalEvents.Litigation | LegalEvents.DualFiling;

    /// <summary>IPC for inventions and utility models; a Locarno class for designs, which have no IPC.</summary>
    private (List<string> Codes, string? Main, string? Locarno) ValidatedClassification(bool mayBeMissing)
    {
        if (Type != PatentType.Design)
        {
            if (!string.IsNullOrWhiteSpace(LocarnoClass))
                throw new DomainRuleException("locarnoClass", new Text("Only a design has a Locarno class; {0} is classified by IPC.", Describe(Type)));
            if (mayBeMissing && (IpcCodes ?? []).Count == 0 && string.IsNullOrWhiteSpace(MainIpc)) return ([], null, null);
            var (codes, main) = ValidatedIpc();
            return (codes, main, null);
        }
        if ((IpcCodes ?? []).Count > 0 || !string.IsNullOrWhiteSpace(MainIpc))
            throw new DomainRuleException("ipcCodes", new Text("A design is classified by Locarno (e.g. 12-08), not by IPC; give its Locarno class instead."));
        if (mayBeMissing && string.IsNullOrWhiteSpace(LocarnoClass)) return ([], null, null);
        return ([], null, Patents.LocarnoClass.Parse(LocarnoClass).Value);
    }

    private void ValidateType(AppNumber? number)
    {
        if (!Enum.IsDefined(Type))
            throw new DomainRuleException("type", "The type must be Invention, UtilityModel or Design.");
        if (number is { } n && n.Type != Type)
            throw new DomainRuleException("type",
                new Text("The application number's type digit {0} means {1}, not {2}.", n.TypeDigit, Describe(n.Type), Describe(Type)));
    }

    private string? ValidatedPublication()
    {
        if (string.IsNullOrWhiteSpace(PublicationNumber)) return null;
        var publication = PubNumber.Normalize(PublicationNumber);
        if (Enum.IsDefined(Type) && PubNumber.TypeOf(publication) != Type)
            throw new DomainRuleException("publicationNumber",
                new Text("The kind code of {0} is used for {1}, not {2}.", publication, Describe(PubNumber.TypeOf(publication)), Describe(Type)));
        return publication;
    }

    private (List<string> Codes, string Main) ValidatedIpc()
    {
        var input = IpcCodes ?? [];
        if (input.Count is 0 or > MaxIpcCodes)
            throw new DomainRuleException("ipcCodes", new Text("Give 1 to {0} IPC codes, e.g. B63B 35/00.", MaxIpcCodes));
        var codes = new List<string>(input.Count);
        for (var i = 0; i < input.Count; i++)
        {
            var code = IpcCode.Parse(input[i], $"ipcCodes[{i}]").Value;
            if (codes.Contains(code))
                throw new DomainRuleException($"ipcCodes[{i}]", new Text("{0} is listed twice.", code));
            codes.Add(code);
        }
        if (string.IsNullOrWhiteSpace(MainIpc)) return (codes, codes[0]);
        var main = IpcCode.Parse(MainIpc, "mainIpc").Value;
        if (!codes.Contains(main))
            throw new DomainRuleException("mainIpc", new Text("The main IPC code {0} must be one of the patent's IPC codes.", main));
        return (codes, main);
    }

    private List<string> ValidatedInventors(bool mayBeMissing)
    {
        var input = Inventors ?? [];
        if (mayBeMissing && input.Count == 0) return [];
        if (input.Count is 0 or > MaxInventors)
            throw new DomainRuleException("inventors", new Text("Name 1 to {0} inventors.", MaxInventors));
        // Two inventors may share a name (王伟 is common), so duplicates are allowed.
        return input.Select((name, i) => TextRules.Required(name, $"inventors[{i}]", "Inventor's name", 50)).ToList();
    }

    private List<PatentOwner> ValidatedOwners()
    {
        var input = Owners ?? [];
        if (input.Count == 0)
            throw new DomainRuleException("owners", "Name at least one owner (patentee).");
        var owners = new List<PatentOwner>(input.Count);
        for (var i = 0; i < input.Count; i++)
        {
            var owner = input[i] ?? throw new DomainRuleException($"owners[{i}]", "An owner is missing.");
            if (owner.OrganizationId == Guid.Empty)
                throw new DomainRuleException($"owners[{i}].organizationId", "Choose the owning organisation.");
            if (owners.Any(o => o.OrganizationId == owner.OrganizationId))
                throw new DomainRuleException($"owners[{i}].organizationId", "The same organisation is listed twice as an owner.");
            var share = Money.Percent(owner.SharePercent, $"owners[{i}].sharePercent");
            if (share == 0)
                throw new DomainRuleException($"owners[{i}].sharePercent", "Each owner's share must be more than 0%.");
            owners.Add(owner);
        }
        var total = owners.Sum(o => o.SharePercent);
        if (total != 100)
            throw new DomainRuleException("owners", new Text("The owners' shares add up to {0:0.####}%; they must add up to exactly 100%.", total));
        return owners;
    }

    private void ValidateFilingDate(AppNumber? number, DateOnly today)
    {
        if (FilingDate < FirstFilingDate)
            throw new DomainRuleException("filingDate", "The filing date cannot be before 1 April 1985, when the Patent Law took effect.");
        if (FilingDate > today)
            throw new DomainRuleException("filingDate", "The filing date cannot be in the future.");
        // Divisional and PCT applications keep an earlier filing date, so the number's year may be later, never earlier.
        if (number is { } n && FilingDate.Year > n.FilingYear)
            throw new DomainRuleException("filingDate",
                new Text("The filing date is in {0} but the application number was given in {1}.", FilingDate.Year, n.FilingYear));
    }

    private void ValidateGrantDate(DateOnly today)
    {
        if (GrantDate < FilingDate)
            throw new DomainRuleException("grantDate", "The grant date cannot be before the filing date.");
        if (GrantDate > today)
            throw new DomainRuleException("grantDate", "The grant date cannot be in the future.");
    }

    private string? ValidatedLapseReason(bool grantDateMayBeMissing)
    {
        var lapseReason = TextRules.Optional(LapseReason, "lapseReason", "Lapse reason", 200);
        return LegalStatus switch
        {
            LegalStatus.Pending when GrantDate is not null =>
                throw new DomainRuleException("grantDate", "A pending application has no grant date; if it was granted its status is Valid or Lapsed."),
            LegalStatus.Valid when GrantDate is null && !grantDateMayBeMissing =>
                throw new DomainRuleException("grantDate", "A valid patent has been granted; give its grant date."),
            LegalStatus.Lapsed when lapseReason is null =>
                throw new DomainRuleException("lapseReason", "Say why the patent lapsed, e.g. 未缴年费专利权终止."),
            LegalStatus.Pending or LegalStatus.Valid when lapseReason is not null =>
                throw new DomainRuleException("lapseReason", "Only a lapsed patent has a lapse reason."),
            LegalStatus.Pending or LegalStatus.Valid or LegalStatus.Lapsed => lapseReason,
            _ => throw new DomainRuleException("legalStatus", "The legal status must be Pending, Valid or Lapsed."),
        };
    }

    /// <summary>The type as a noun in a sentence ("a utility model"); its own words, so each language can say it.</summary>
    internal static Text Describe(PatentType type) => type switch
    {
        PatentType.Invention => "an invention",
        PatentType.UtilityModel => "a utility model",
        PatentType.Design => "a design",
        _ => new Text("type {0}", (int)type),
    };
}

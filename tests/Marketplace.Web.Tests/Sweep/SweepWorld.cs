using System.Net.Http.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Tests.Hostile;
using Marketplace.Web.Tests.Pledges;
using Marketplace.Web.Tests.Sessions;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Sweep;

/// <summary>One caller of the sweep: its API client (bearer token), its organisation, and whether it is the park office.</summary>
public sealed record SweepCaller(string Name, TestUser? User, HttpClient Api, bool Victim)
{
    public Guid? OrganizationId => User?.OrganizationId;
    public bool IsParkOffice => User?.Role == Roles.ParkAdmin;
}

/// <summary>
/// The world the sweep attacks: <see cref="HostileWorld"/>'s objects (the victims: an office, an enterprise, a bank and
/// its customer) plus a session with a pitch and a registration, and one secret per kind of private object — a text
/// that only its owners (and the park office) may ever read. Strangers of every role and an anonymous visitor attack.
/// </summary>
public sealed class SweepWorld(WebApp app)
{
    public HostileWorld Hostile { get; } = new(app);
    public List<SweepCaller> Callers { get; } = [];
    public Guid SessionId { get; private set; }
    public Guid PitchId { get; private set; }
    public Guid RegistrationId { get; private set; }
    public Guid SecretPatentId { get; private set; }
    public Guid SecretNeedId { get; private set; }
    public Guid SecretPledgeId { get; private set; }
    public Guid SpareMemberId { get; private set; }
    public Guid ApplicantPatentId { get; private set; }
    public Guid ListedPatentId { get; private set; }

    /// <summary>Each secret and the organisations allowed to read it (the park office reads everything).</summary>
    public Dictionary<string, Guid[]> Secrets { get; } = new();

    public const string PatentSecret = "SWEEPSECRETPATENTTITLE", PledgeSecret = "SWEEPSECRETPLEDGEPURPOSE",
        NeedSecret = "SWEEPSECRETNEEDTITLE", MessageSecret = "SWEEPSECRETMESSAGE";

    public async Task<SweepWorld> BuildAsync()
    {
        var w = await Hostile.BuildAsync();
        var m = w.Market;
        var office = m.OfficeUser.OrganizationId;
        var enterprise = m.EnterpriseUser.OrganizationId;

        var patent = PatentSamples.Patent(90);
        patent["titleZh"] = "绝密" + PatentSecret;
        SecretPatentId = (await Json(await m.Office.PostAsJsonAsync("/api/patents", patent))).GetProperty("id").GetGuid();
        Secrets[PatentSecret] = [office];
        SecretNeedId = (await Json(await m.Enterprise.PostAsJsonAsync("/api/needs", Need(title: NeedSecret, visibility: "ParkOfficeOnly")))).GetProperty("id").GetGuid();
        Secrets[NeedSecret] = [enterprise];
        await Json(await m.Office.PostAsJsonAsync($"/api/inquiries/{w.InquiryId}/messages", new { body = MessageSecret }));
        Secrets[MessageSecret] = [office, enterprise];
        Secrets[Deals.DealScenario.Contract] = [office, enterprise];
        ApplicantPatentId = await w.Pledge.PatentAsync(91);
        ListedPatentId = (await w.Market.Office.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/listings/{w.ListingId}")).GetProperty("patent").GetProperty("id").GetGuid();
        var application = PledgeSamples.Application(w.Pledge.BankId, [ApplicantPatentId]);
        application["purpose"] = PledgeSecret;
        SecretPledgeId = (await Json(await w.Pledge.Applicant.PostAsJsonAsync("/api/pledges", application))).GetProperty("id").GetGuid();
        await PledgeParties.StepAsync(w.Pledge.Applicant, SecretPledgeId, "submit");
        Secrets[PledgeSecret] = [w.Pledge.Enterprise.OrganizationId, w.Pledge.BankId];

        SessionId = (await Json(await m.Admin.PostAsJsonAsync("/api/sessions", SessionWorld.Details()))).GetProperty("id").GetGuid();
        PitchId = (await Json(await m.Admin.PostAsJsonAsync($"/api/sessions/{SessionId}/pitches",
            new { listingId = w.ListingId, startsAt = SessionWorld.Start, minutes = 20 }))).GetProperty("id").GetGuid();
        await Json(await m.Admin.PostAsync($"/api/sessions/{SessionId}/open", null));
        RegistrationId = (await Json(await m.Enterprise.PostAsync($"/api/sessions/{SessionId}/registrations", null))).GetProperty("id").GetGuid();

        var bankAdmin = await app.AddMemberAsync(w.Pledge.Officer, Roles.OrganizationAdmin);
        SpareMemberId = (await app.AddMemberAsync(w.Pledge.Officer, Roles.BankOfficer)).Id;
        var strangerBank = await app.CreateUserAsync(OrganizationType.Bank, role: Roles.BankApprover);
        var strangerAdmin = await app.AddMemberAsync(strangerBank, Roles.OrganizationAdmin);
        var park = await app.CreateUserAsync(OrganizationType.ParkOffice);

        // Strangers first: the secrets are intact while they try; the owners' own writes may change them afterwards.
        Callers.Add(new("anonymous", null, app.CreateClient(), false));
        foreach (var (name, user) in new[]
                 {
                     ("stranger office", await app.CreateUserAsync(OrganizationType.University)),
                     ("stranger enterprise", await app.CreateUserAsync(OrganizationType.Enterprise)),
                     ("stranger officer", await app.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer)),
                     ("stranger approver", strangerBank), ("stranger bank admin", strangerAdmin),
                 })
            Callers.Add(new(name, user, await app.ClientForAsync(user), false));
        foreach (var (name, user) in new[]
                 {
                     ("office", m.OfficeUser), ("enterprise", m.EnterpriseUser), ("applicant", w.Pledge.Enterprise), ("officer", w.Pledge.Officer),
                     ("approver", w.Pledge.Approver), ("bank admin", bankAdmin), ("park office", park),
                 })
            Callers.Add(new(name, user, await app.ClientForAsync(user), true));
        return this;
    }

    /// <summary>The secrets this caller's answers must never contain.</summary>
    public IReadOnlyList<string> ForbiddenFor(SweepCaller caller) => caller.IsParkOffice
        ? []
        : Secrets.Where(s => caller.OrganizationId is not { } org || !s.Value.Contains(org)).Select(s => s.Key).ToList();

    /// <summary>The id a path or body names, by the parameter's name and the path it is in: the victims' objects.</summary>
    public Guid IdFor(string name, string path)
    {
        var w = Hostile;
        var key = name.ToLowerInvariant();
        if (key is "userid") return SpareMemberId;
        if (key is "registrationid") return RegistrationId;
        if (key is "pitchid") return PitchId;
        if (key is "dealid") return w.DealId;
        if (key is "patentid") return SecretPatentId;
        if (key is "listingid") return w.ListingId;
        if (key is "needid") return w.NeedId;
        if (key is "sessionid") return SessionId;
        if (key is "bankid" or "bankorganizationid") return w.Pledge.BankId;
        if (key is "buyerorganizationid") return w.Market.EnterpriseUser.OrganizationId;
        if (key is "instalmentid" or "paymentid") return w.PaymentId;
        var segment = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "";
        return segment switch
        {
            "patents" => SecretPatentId,
            "listings" => w.ListingId,
            "pledges" => SecretPledgeId,
            "needs" => SecretNeedId,
            "inquiries" => w.InquiryId,
            "offers" => w.OfferId,
            "deals" => w.DealId,
            "payments" => w.PaymentId,
            "sessions" => SessionId,
            "organizations" when path.Contains("/members") => w.Pledge.BankId,
            _ => w.Market.OfficeUser.OrganizationId,
        };
    }

    /// <summary>Another id of the same kind, where there is one: the draft listing, the first pledge, the public need.</summary>
    public Guid? OtherIdFor(string path) => (path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "") switch
    {
        "patents" => Hostile.PatentId,
        "listings" => Hostile.DraftListingId,
        "pledges" => Hostile.PledgeId,
        "needs" => Hostile.NeedId,
        "organizations" => Hostile.Market.EnterpriseUser.OrganizationId,
        _ => null,
    };
}

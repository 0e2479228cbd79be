using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Tests.Matchmaking;
using Marketplace.Web.Tests.Pledges;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Hostile;

/// <summary>
/// One of everything an attacker might reach for: a published and a draft listing, an inquiry with an attachment,
/// an accepted offer and its deal, an approved need, a bank's pledge application; and a stranger of each kind
/// (another office, enterprise and bank) to try them with.
/// </summary>
public sealed class HostileWorld(WebApp app)
{
    public Market Market { get; } = new(app);
    public Guid PatentId { get; private set; }
    public Guid ListingId { get; private set; }
    public Guid DraftListingId { get; private set; }
    public Guid InquiryId { get; private set; }
    public string AttachmentUrl { get; private set; } = "";
    public Guid OfferId { get; private set; }
    public Guid DealId { get; private set; }
    public Guid PaymentId { get; private set; }
    public Guid NeedId { get; private set; }
    public Guid PledgeId { get; private set; }
    public PledgeParties Pledge { get; private set; } = null!;
    public HttpClient StrangerOffice { get; private set; } = null!;
    public HttpClient StrangerEnterprise { get; private set; } = null!;
    public HttpClient StrangerBank { get; private set; } = null!;

    /// <summary>Everything; or, with <paramref name="everything"/> false, only the market, its listings and the inquiry.</summary>
    public async Task<HostileWorld> BuildAsync(bool everything = true)
    {
        await Market.OpenAsync();
        ListingId = await Market.PublishAsync(1, "一种船舶智能导航装置", "导航。", ["G01C 21/20"], PatentSamples.Licence());
        var draftPatent = await Json(await Market.Office.PostAsJsonAsync("/api/patents", PatentSamples.Patent(2)));
        PatentId = draftPatent.GetProperty("id").GetGuid();
        DraftListingId = (await Json(await Market.Office.PostAsJsonAsync("/api/listings", new { patentId = PatentId, terms = PatentSamples.Licence() })))
            .GetProperty("id").GetGuid();

        InquiryId = await Market.OpenInquiryAsync(ListingId);
        var sent = await Json(await Market.Office.PostAsync($"/api/inquiries/{InquiryId}/messages", Attachment("许可合同草案", "contract.pdf")));
        AttachmentUrl = sent.GetProperty("attachment").GetProperty("url").GetString()!;
        if (!everything) return this;
        var offer = await Json(await Market.Office.PostAsJsonAsync($"/api/inquiries/{InquiryId}/offers", Licence(300_000m)));
        OfferId = offer.GetProperty("id").GetGuid();
        DealId = (await Json(await Market.Enterprise.PostAsync($"/api/offers/{OfferId}/accept", null))).GetProperty("dealId").GetGuid();
        await Json(await Market.Office.PutAsJsonAsync($"/api/deals/{DealId}/payments", new
        {
            instalments = new[] { new { kind = "Upfront", label = "一次付清", dueDate = Deals.DealScenario.Today, amount = 300_000m } },
        }));
        var contract = new { contractDate = Deals.DealScenario.Today, registrationNumber = Deals.DealScenario.Contract };
        await Json(await Market.Office.PostAsJsonAsync($"/api/deals/{DealId}/sign", contract));
        var signed = await Json(await Market.Enterprise.PostAsJsonAsync($"/api/deals/{DealId}/sign", contract));
        PaymentId = signed.GetProperty("instalments")[0].GetProperty("id").GetGuid();
        NeedId = await Market.OpenNeedAsync();

        Pledge = await PledgeParties.CreateAsync(app);
        PledgeId = (await Pledge.DraftAsync(await Pledge.PatentAsync(50))).GetProperty("id").GetGuid();
        await PledgeParties.StepAsync(Pledge.Applicant, PledgeId, "submit");

        StrangerOffice = await app.ClientForAsync(await app.CreateUserAsync(OrganizationType.University));
        StrangerEnterprise = await app.ClientForAsync(await app.CreateUserAsync(OrganizationType.Enterprise));
        StrangerBank = await app.ClientForAsync(await app.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer));
        return this;
    }

    /// <summary>"{listing}" → the listing's id, and so on for every object of the world.</summary>
    public string Resolve(string url) => url
        .Replace("{patent}", PatentId.ToString()).Replace("{listing}", ListingId.ToString()).Replace("{draft}", DraftListingId.ToString())
        .Replace("{inquiry}", InquiryId.ToString()).Replace("{offer}", OfferId.ToString()).Replace("{deal}", DealId.ToString())
        .Replace("{payment}", PaymentId.ToString()).Replace("{need}", NeedId.ToString()).Replace("{pledge}", PledgeId.ToString())
        .Replace("{office-org}", Market.OfficeUser.OrganizationId.ToString()).Replace("{attachment}", AttachmentUrl);

    public HttpClient Stranger(string kind) => kind switch
    {
        "office" => StrangerOffice,
        "enterprise" => StrangerEnterprise,
        "bank" => StrangerBank,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static MultipartFormDataContent Attachment(string body, string fileName, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%hostile test\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { new StringContent(body), "body" }, { file, "attachment", fileName } };
    }

    public static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Serialize(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}

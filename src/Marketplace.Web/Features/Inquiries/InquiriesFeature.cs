using Marketplace.Web.Platform;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.Http.Features;

namespace Marketplace.Web.Features.Inquiries;

public static class InquiriesFeature
{
    public static WebApplicationBuilder AddInquiries(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<InquiryService>();
        services.AddScoped<MessageService>();
        services.AddScoped<InquiryReader>();
        services.AddHomeSection<OpenRoomsOnHome>();
        services.AddListingPanel<InquiryPanel>();
        services.AddMemoryCache();
        services.AddSingleton<UnreadMessages>();
        services.AddDomainEventHandler<Domain.Negotiations.InquiryOpened, UnreadMessagesOnChange>();
        services.AddDomainEventHandler<Domain.Negotiations.InquiryMessagePosted, UnreadMessagesOnChange>();
        services.AddDomainEventHandler<Domain.Negotiations.OfferMoved, UnreadMessagesOnChange>();
        services.AddDomainEventHandler<Domain.Negotiations.InquiryOpened, InquiryNotices>();
        services.AddDomainEventHandler<Domain.Negotiations.InquiryMessagePosted, InquiryNotices>();
        services.AddDomainEventHandler<Domain.Negotiations.OfferMoved, InquiryNotices>();
        // Room attachments are at most 10 MB; the form limit is higher, so a file a little too big gets the rule's clear answer.
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 2 * Domain.Negotiations.AttachmentRules.MaxBytes);
        return builder;
    }
}

using System.Security.Claims;
using System.Text.Json;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Needs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Inquiries;

public static class InquiriesApi
{
    public static IEndpointRouteBuilder MapInquiriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inquiries").WithTags("Inquiries").RequireAuthorization();
        api.MapGet("/", List);
        api.MapPost("/", Open).RequireAuthorization(NeedsFeature.CanPostNeeds);
        api.MapPost("/open-licence", TakeOpenLicence).RequireAuthorization(NeedsFeature.CanPostNeeds);
        api.MapGet("/unread", async (ClaimsPrincipal user, MessageService messages, CancellationToken ct) =>
            TypedResults.Ok(new { count = await messages.UnreadCountAsync(user, ct) }));
        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, InquiryService inquiries, InquiryReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await inquiries.FindReadableAsync(user, id, ct), ct)));
        api.MapPost("/{id:guid}/close", async (Guid id, uint? version, ClaimsPrincipal user, InquiryService inquiries, InquiryReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await inquiries.CloseAsync(user, id, version, ct), ct)));

        api.MapGet("/{id:guid}/messages", async (Guid id, DateTimeOffset? after, ClaimsPrincipal user, MessageService messages, InquiryReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await messages.ListAsync(user, id, after, ct), ct)));
        // JSON for text, multipart/form-data (fields "body" and "attachment") for a file. Browsers' SameSite=Lax
        // cookies are not sent on cross-site POSTs, and API clients use bearer tokens, so no antiforgery token here.
        api.MapPost("/{id:guid}/messages", Send).DisableAntiforgery();
        api.MapGet("/{id:guid}/attachments/{storedName}", async (Guid id, string storedName, ClaimsPrincipal user, MessageService messages, CancellationToken ct) =>
        {
            var (blob, message) = await messages.AttachmentAsync(user, id, storedName, ct);
            return TypedResults.File(blob.Content, message.AttachmentType, message.AttachmentName);
        });

        api.MapGet("/{id:guid}/offers", async (Guid id, ClaimsPrincipal user, InquiryService inquiries, CancellationToken ct) =>
            TypedResults.Ok((await inquiries.FindReadableAsync(user, id, ct)).Offers.OrderBy(o => o.Number).Select(InquiryMapper.ToResponse).ToList()));
        api.MapPost("/{id:guid}/offers", async (Guid id, OfferRequest request, ClaimsPrincipal user, InquiryService inquiries, CancellationToken ct) =>
        {
            var offer = await inquiries.ProposeAsync(user, id, request, ct);
            return TypedResults.Created($"/api/inquiries/{id}/offers", InquiryMapper.ToResponse(offer));
        });

        var offers = app.MapGroup("/api/offers/{id:guid}").WithTags("Inquiries").RequireAuthorization();
        offers.MapPost("/accept", Accept);
        offers.MapPost("/reject", async (Guid id, OfferActionRequest? request, ClaimsPrincipal user, InquiryService inquiries, CancellationToken ct) =>
            TypedResults.Ok(InquiryMapper.ToResponse(await inquiries.RejectAsync(user, id, request?.Version, ct))));
        offers.MapPost("/withdraw", async (Guid id, OfferActionRequest? request, ClaimsPrincipal user, InquiryService inquiries, CancellationToken ct) =>
            TypedResults.Ok(InquiryMapper.ToResponse(await inquiries.WithdrawAsync(user, id, request?.Version, ct))));
        offers.MapPost("/counter", async (Guid id, OfferRequest request, ClaimsPrincipal user, InquiryService inquiries, CancellationToken ct) =>
            TypedResults.Ok(InquiryMapper.ToResponse(await inquiries.CounterAsync(user, id, request, ct))));
        return app;
    }

    private static async Task<Ok<IReadOnlyList<InquiryResponse>>> List(ClaimsPrincipal user, InquiryService inquiries, InquiryReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DescribeAsync(await inquiries.ListReadableAsync(user, ct), ct));

    private static async Task<Created<InquiryResponse>> Open(OpenInquiryRequest request, ClaimsPrincipal user, InquiryService inquiries, InquiryReader reader, CancellationToken ct)
    {
        var inquiry = await inquiries.OpenAsync(user, request, ct);
        return TypedResults.Created($"/api/inquiries/{inquiry.Id}", await reader.DescribeAsync(inquiry, ct));
    }

    private static async Task<Created<AcceptedResponse>> TakeOpenLicence(OpenLicenceRequest request, ClaimsPrincipal user, InquiryService inquiries,
        InquiryReader reader, CancellationToken ct)
    {
        var (inquiry, offer, deal) = await inquiries.TakeOpenLicenceAsync(user, request, ct);
        return TypedResults.Created($"/api/inquiries/{inquiry.Id}", new AcceptedResponse(InquiryMapper.ToResponse(offer), deal.Id, await reader.DescribeAsync(inquiry, ct)));
    }

    private static async Task<Ok<AcceptedResponse>> Accept(Guid id, OfferActionRequest? request, ClaimsPrincipal user, InquiryService inquiries,
        InquiryReader reader, CancellationToken ct)
    {
        var (offer, deal, inquiry) = await inquiries.AcceptAsync(user, id, request?.Version, ct);
        return TypedResults.Ok(new AcceptedResponse(InquiryMapper.ToResponse(offer), deal.Id, await reader.DescribeAsync(inquiry, ct)));
    }

    private static async Task<Created<MessageResponse>> Send(Guid id, HttpRequest http, ClaimsPrincipal user, MessageService messages, InquiryReader reader, CancellationToken ct)
    {
        string? body;
        IFormFile? file = null;
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            body = form["body"];
            file = form.Files["attachment"];
        }
        else
        {
            body = (await ReadJsonAsync<MessageRequest>(http, ct))?.Body;
        }
        var message = await messages.SendAsync(user, id, body, file, ct);
        return TypedResults.Created($"/api/inquiries/{id}/messages", (await reader.DescribeAsync([message], ct))[0]);
    }

    /// <summary>A body read by hand, unlike one bound by the framework, throws a bare JsonException; it becomes the same
    /// 400 naming the field as a bound body's.</summary>
    private static async Task<T?> ReadJsonAsync<T>(HttpRequest http, CancellationToken ct)
    {
        try
        {
            return await http.ReadFromJsonAsync<T>(ct);
        }
        catch (JsonException unreadable)
        {
            throw new BadHttpRequestException("The request body could not be read as JSON.", StatusCodes.Status400BadRequest, unreadable);
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Features.Notifications.Email;

/// <summary>
/// Writes an outbox row's e-mail at the moment it is sent, in the recipient's language: subject, a text and an HTML part
/// with a link to the thing, and a one-click unsubscribe for its kind (RFC 8058: List-Unsubscribe with an https URI
/// that takes a POST, and List-Unsubscribe-Post). The Message-ID is the row's send-once key.
/// </summary>
public sealed class EmailComposer(MarketplaceDb db, IStringLocalizer<SharedResource> t, UnsubscribeTokens tokens, IOptions<EmailOptions> options)
{
    /// <summary>Our own header naming the notice's kind (the mailbox page and tests read it).</summary>
    public const string KindHeader = "X-Marketplace-Kind";

    private sealed record Line(string Text, string? Url, DateTimeOffset At);

    /// <summary>Null when there is nobody to write to any more (the person or their address is gone).</summary>
    public async Task<MimeMessage?> ComposeAsync(OutgoingEmail row, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == row.UserId).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(person?.Email)) return null;
        var language = await db.NoticeInboxes.Where(i => i.UserId == row.UserId).Select(i => i.Language).SingleOrDefaultAsync(ct);
        var culture = LocalizationFeature.Supported(language);
        var ids = row.NoticeId is { } one ? [one] : row.DigestNoticeIds;
        var notices = await db.Notices.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        if (notices.Count == 0) return null;
        var digest = row.Kind == OutgoingEmail.DigestKind;
        var unsubscribe = new Unsubscription(row.UserId, digest ? OutgoingEmail.DigestKind : row.Kind, digest ? NoticeChannel.Digest : NoticeChannel.Email);
        return TextLocalizer.In(culture, () =>
        {
            var lines = notices.Select(n => new Line(t.SayNotice(n), Link(n.Url), n.CreatedAt)).ToList();
            var subject = digest ? t.Say(new Text("Your daily notices: {0}", lines.Count)) : lines[0].Text;
            var kindTitle = digest ? t["Daily digest"].Value : NoticeKinds.Find(row.Kind) is { } kind ? t.Say(kind.Title) : row.Kind;
            var unsubscribeUrl = $"{Base}/api/notifications/unsubscribe?token={Uri.EscapeDataString(tokens.Create(unsubscribe))}";
            var message = new MimeMessage { Subject = Shorten(subject), MessageId = row.MessageId };
            message.From.Add(MailboxAddress.Parse(options.Value.From));
            message.To.Add(new MailboxAddress(person.DisplayName, person.Email));
            message.Headers.Add(KindHeader, row.Kind);
            message.Headers.Add("Auto-Submitted", "auto-generated");
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            var footer = t.Say(new Text("You receive this because of your choices for \"{0}\". Unsubscribe with one click: {1}", kindTitle, unsubscribeUrl));
            var body = new BodyBuilder { TextBody = TextPart(lines, footer), HtmlBody = HtmlPart(lines, kindTitle, unsubscribeUrl, culture) };
            message.Body = body.ToMessageBody();
            return message;
        });
    }

    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    private string? Link(string? url) => url is null ? null : url.StartsWith('/') ? Base + url : null;

    private string TextPart(IReadOnlyList<Line> lines, string footer)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(line.Text);
            if (line.Url is not null) text.AppendLine(line.Url);
            text.AppendLine();
        }
        text.AppendLine("--").AppendLine(t["Weihai IP Marketplace"]).AppendLine(footer);
        return text.ToString();
    }

    private string HtmlPart(IReadOnlyList<Line> lines, string kindTitle, string unsubscribeUrl, CultureInfo culture)
    {
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{culture.Name}\"><body>");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(line.Text));
            if (line.Url is not null)
                html.Append("<br><a href=\"").Append(WebUtility.HtmlEncode(line.Url)).Append("\">").Append(WebUtility.HtmlEncode(t["Open"])).Append("</a>");
            html.Append("</p>");
        }
        html.Append("<hr><p><small>").Append(WebUtility.HtmlEncode(t["Weihai IP Marketplace"])).Append(" · ")
            .Append(WebUtility.HtmlEncode(t.Say(new Text("You receive this because of your choices for \"{0}\".", kindTitle))))
            .Append(" <a href=\"").Append(WebUtility.HtmlEncode(unsubscribeUrl)).Append("\">").Append(WebUtility.HtmlEncode(t["Unsubscribe"]))
            .Append("</a></small></p></body></html>");
        return html.ToString();
    }

    private static string Shorten(string subject) => subject.Length > 150 ? subject[..150] + "…" : subject;
}

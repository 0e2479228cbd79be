using MailKit.Net.Smtp;
using MailKit.Security;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Features.Notifications.Email;

/// <summary>Where e-mail goes: a mail server, or the database mailbox.</summary>
public interface IMailTransport
{
    /// <summary>Sends the messages in order; returns, per message, null when it was handed over, or the failure.</summary>
    Task<IReadOnlyList<Exception?>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct);
}

/// <summary>Through an SMTP server with MailKit, one connection per batch. A server that refuses (4xx/5xx) or does not
/// answer within the timeout fails the message; the outbox retries it later.</summary>
public sealed class SmtpTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task<IReadOnlyList<Exception?>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var results = new Exception?[messages.Count];
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connecting.CancelAfter(smtp.Timeout);
            await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), connecting.Token);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", connecting.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Array.Fill(results, e);
            return results;
        }
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await client.SendAsync(messages[i], ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                results[i] = e;
                if (!client.IsConnected) { Array.Fill(results, e, i + 1, messages.Count - i - 1); break; }
            }
        }
        if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
        return results;
    }
}

/// <summary>The database as the mail server (no SMTP host configured): each message is stored once by its Message-ID and
/// shown to the park office on /Notifications/Mailbox, so a demo needs no mail server.</summary>
public sealed class DatabaseMailbox(IServiceScopeFactory scopes, TimeProvider clock) : IMailTransport
{
    public async Task<IReadOnlyList<Exception?>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var now = clock.GetUtcNow();
        foreach (var message in messages)
        {
            using var mime = new MemoryStream();
            await message.WriteToAsync(mime, ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO mailbox_messages (message_id, "to", subject, kind, mime, stored_at)
                VALUES ({message.MessageId}, {message.To.ToString()}, {message.Subject}, {message.Headers[EmailComposer.KindHeader] ?? ""}, {mime.ToArray()}, {now})
                ON CONFLICT (message_id) DO NOTHING
                """, ct);
        }
        return new Exception?[messages.Count];
    }
}

using Microsoft.Extensions.Localization;
using Marketplace.Web.Platform.Localization;
using Marketplace.Domain.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Platform.Idempotency;

/// <summary>
/// Safe retries of API writes: a signed-in client that sends <c>Idempotency-Key: &lt;its own unique name&gt;</c> with a
/// POST, PUT, PATCH or DELETE gets the effect once. The first request runs inside one transaction that also stores
/// its answer; a repeat gets the stored answer (<c>Idempotency-Replayed: true</c>), a repeat sent while the first is
/// still running waits for it, and the same key with a different request is refused with 422. Only successful
/// answers are kept, so a refused request may be corrected and sent again under the same key.
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";
    public const int MaxKeyLength = 255;

    // The context is resolved only for a keyed write: taken as a parameter, every request (reads, the webhook) rented one.
    public async Task InvokeAsync(HttpContext context, TimeProvider clock)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0 || !IsWrite(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api")
            || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            // Anonymous writes (registration, Stripe's webhook) are not keyed: without a caller, one client's key
            // could replay another client's answer.
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await Problem(context, 400, new Text("An {0} is 1–{1} printable ASCII characters without spaces.", Header, MaxKeyLength));
            return;
        }

        var hash = await HashAsync(context.Request);
        var db = context.RequestServices.GetRequiredService<MarketplaceDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
        // A concurrent first request holding the same key makes this insert wait until it commits or rolls back.
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO idempotent_requests (user_id, key, request_hash, status_code, body, created_at)
            VALUES ({userId}, {key}, {hash}, 0, {Array.Empty<byte>()}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING
            """, context.RequestAborted);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(context.RequestAborted);
            var stored = await db.IdempotentRequests.AsNoTracking().SingleAsync(r => r.UserId == userId && r.Key == key, context.RequestAborted);
            if (!stored.RequestHash.AsSpan().SequenceEqual(hash))
                await Problem(context, 422, new Text("This {0} was used for a different request; use a new key for a new request.", Header));
            else
                await ReplayAsync(context, stored);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    UPDATE idempotent_requests SET status_code = {context.Response.StatusCode}, content_type = {context.Response.ContentType},
                        location = {context.Response.Headers.Location.ToString()}, body = {buffer.ToArray()}
                    WHERE user_id = {userId} AND key = {key}
                    """, context.RequestAborted);
                await transaction.CommitAsync(context.RequestAborted);
            }
            else
            {
                await transaction.RollbackAsync(context.RequestAborted);
            }
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static bool IsWrite(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static async Task<byte[]> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return sha.GetHashAndReset();
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentRequest stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        context.Response.ContentType = stored.ContentType;
        if (!string.IsNullOrEmpty(stored.Location)) context.Response.Headers.Location = stored.Location;
        context.Response.Headers[ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static Task Problem(HttpContext context, int status, Text text)
    {
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var message = t.Say(text);
        context.Response.StatusCode = status;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Header] = [message] })
        {
            Status = status, Title = t["One or more validation errors occurred."], Detail = message,
        };
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}
